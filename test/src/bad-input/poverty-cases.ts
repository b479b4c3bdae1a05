import { NEXT_YEAR, long, wrongCheck, withCheck, type Corpus } from './corpus-kit';

/** poverty's bad inputs: one broken field per case. */
export function addPovertyCases(corpus: Corpus): void {
  const { poverty, household, exited, member, BASE, bad, without, page } = corpus;
  let m: string;
  m = 'registerHousehold';
  const head = BASE.registerHousehold.head as { citizenId: string; name: string };
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'unknown cause', { cause: 'LAZINESS' }, { mentions: 'input.cause' });
  bad(m, 'registered before 2010', { registeredYear: 2009 }, 'input.registeredYear');
  bad(m, 'registered next year', { registeredYear: NEXT_YEAR }, 'input.registeredYear');
  bad(m, 'negative income', { perCapitaIncomeYuan: -1 }, 'input.perCapitaIncomeYuan');
  bad(m, "head's ID with a wrong check character", { head: { ...head, citizenId: wrongCheck(head.citizenId) } }, 'input.head.citizenId');
  bad(m, "head's ID malformed", { head: { ...head, citizenId: '32010419750707' } }, 'input.head.citizenId');
  bad(m, "head's ID with an impossible birth date", { head: { ...head, citizenId: withCheck('32010419750931998') } }, 'input.head.citizenId');
  bad(m, "head's name blank", { head: { ...head, name: ' ' } }, 'input.head.name');
  bad(m, "head's name of 51 characters", { head: { ...head, name: long(51) } }, 'input.head.name');
  bad(m, 'head already in a household', { head: { ...head, citizenId: member.citizenId } }, 'input.head.citizenId');
  bad(m, 'no head', without('head'), { mentions: 'head' });
  bad(m, 'householdNo already registered', { householdNo: poverty.households[0].householdNo }, 'input.householdNo');
  bad(m, 'householdNo already registered, padded with spaces', { householdNo: ` ${poverty.households[0].householdNo} ` }, 'input.householdNo');
  bad(m, 'householdNo blank', { householdNo: '  ' }, 'input.householdNo');
  bad(m, 'householdNo of 41 characters', { householdNo: '3'.repeat(41) }, 'input.householdNo');

  m = 'addMember';
  bad(m, 'unknown household', { householdId: '9999999' }, 'input.householdId');
  bad(m, 'household id not a number', { householdId: 'abc' }, 'input.householdId');
  bad(m, 'a second head', { relation: 'HEAD' }, 'input.relation');
  bad(m, 'unknown relation', { relation: 'COUSIN' }, { mentions: 'input.relation' });
  bad(m, 'ID with a wrong check character', { citizenId: wrongCheck(BASE.addMember.citizenId as string) }, 'input.citizenId');
  bad(m, 'ID with an impossible birth date', { citizenId: withCheck('32010420010229999') }, 'input.citizenId');
  bad(m, 'person already in a household', { citizenId: member.citizenId }, 'input.citizenId');
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 51 characters', { name: long(51) }, 'input.name');

  m = 'recordExit';
  bad(m, 'unknown household', { householdId: '9999999' }, 'input.householdId');
  bad(m, 'household id zero', { householdId: '0' }, 'input.householdId');
  bad(m, 'household already exited', { householdId: String(exited.id) }, 'input.householdId');
  bad(m, `exit before registration (${household.registeredYear})`, { exitedYear: household.registeredYear - 1 }, 'input.exitedYear');
  bad(m, 'exit year before 2010', { exitedYear: 2009 }, 'input.exitedYear');
  bad(m, 'exit year next year', { exitedYear: NEXT_YEAR }, 'input.exitedYear');
  bad(m, 'negative income', { perCapitaIncomeYuan: -1 }, 'input.perCapitaIncomeYuan');
  bad(m, 'income as a string', { perCapitaIncomeYuan: '9000' }, { mentions: 'input.perCapitaIncomeYuan' });

  page('poverty', 'poorHouseholds', { first: 501 }, 'first');
  page('poverty', 'poorHouseholds', { filter: { regionCode: 'abc' } }, 'filter.regionCode');
}
