import { TOMORROW, long, wrongCheck, withCheck, type Corpus } from './corpus-kit';

/** womens-federation's bad inputs: one broken field per case. */
export function addWomensFederationCases(corpus: Corpus): void {
  const { fresh, openCase, closedCase, BASE, bad, without, page } = corpus;
  let m: string;
  m = 'openSupportCase';
  const wid = BASE.openSupportCase.citizenId as string;
  bad(m, 'wrong check character', { citizenId: wrongCheck(wid) }, 'input.citizenId');
  bad(m, "a man's ID", { citizenId: fresh('320105', '1988-08-08', 'MALE') }, 'input.citizenId');
  bad(m, 'ID region outside Jiangsu (Shanghai 310101)', { citizenId: withCheck('31010119880808998') }, 'input.citizenId');
  bad(m, 'ID region a city code (320300)', { citizenId: withCheck('32030019880808998') }, 'input.citizenId');
  bad(m, 'ID region 999999', { citizenId: withCheck('99999919880808998') }, 'input.citizenId');
  bad(m, 'ID with a space inside', { citizenId: `${wid.slice(0, 9)} ${wid.slice(9)}` }, 'input.citizenId');
  bad(m, 'ID birth month 13', { citizenId: withCheck('32010519881308998') }, 'input.citizenId');
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 51 characters', { name: long(51) }, 'input.name');
  bad(m, 'unknown support type', { supportType: 'LEGAL_AID' }, { mentions: 'input.supportType' });
  bad(m, 'missing citizen ID', without('citizenId'), { mentions: 'citizenId' });
  bad(m, 'openedOn tomorrow', { openedOn: TOMORROW }, 'input.openedOn');
  bad(m, 'openedOn before 2000', { openedOn: '1999-12-31' }, 'input.openedOn');
  bad(m, 'openedOn without leading zeros', { openedOn: '2021-2-3' }, 'input.openedOn');

  m = 'closeSupportCase';
  bad(m, 'unknown case', { caseId: '9999999' }, 'input.caseId');
  bad(m, 'case id not a number', { caseId: 'abc' }, 'input.caseId');
  bad(m, 'case already closed', { caseId: String(closedCase.id) }, 'input.caseId');
  bad(m, `closed before it opened (${openCase.openedOn})`, { closedOn: '2000-01-01' }, 'input.closedOn');
  bad(m, 'outcome ONGOING', { outcome: 'ONGOING' }, 'input.outcome');
  bad(m, 'unknown outcome', { outcome: 'SUCCESS' }, { mentions: 'input.outcome' });
  bad(m, 'closedOn tomorrow', { closedOn: TOMORROW }, 'input.closedOn');
  bad(m, 'closedOn 30 February', { closedOn: '2020-02-30' }, 'input.closedOn');

  page('womens-federation', 'womenSupportCases', { first: 501 }, 'first');
  page('womens-federation', 'womenSupportCases', { filter: { regionCode: '320' } }, 'filter.regionCode');
}
