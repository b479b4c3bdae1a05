import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { composeCitizenId, personKeyOf } from '@rg/person-key';
import { povertySubgraph } from './index';
import { isUniqueViolation } from '@rg/data-helpers';

let pov: SubgraphHarness;
beforeAll(async () => {
  pov = await startSubgraphHarness(povertySubgraph);
});
afterAll(() => pov?.stop());

async function counts(): Promise<{ households: number; members: number; audit: number }> {
  const [row] = await pov.subgraph.dataSource.query(`SELECT
    (SELECT count(*)::int FROM poor_household) AS households,
    (SELECT count(*)::int FROM household_member) AS members,
    (SELECT count(*)::int FROM audit_event) AS audit`);
  return row;
}

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  id householdNo regionCode size cause registeredYear exitedYear exited perCapitaIncomeYuan memberPersonKeys
  registeredMembers { personKey name gender birthYear relation } } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id personKey gender birthYear relation household { id size memberPersonKeys } } }`;
const EXIT = `mutation($input: RecordExitInput!) { recordExit(input: $input) { id exited exitedYear perCapitaIncomeYuan } }`;

/** Fresh citizen IDs from a county the generator's people rarely share a birthday in. */
let sequence = 1;
const freshCitizenId = (birthDate = '1988-08-08') => composeCitizenId('320322', birthDate, sequence++);
const thisYear = new Date().getUTCFullYear();
/** A well-formed ID whose check character is off by one. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const registerInput = (override: Record<string, unknown> = {}) => ({
  regionCode: '320321', cause: 'ILLNESS', registeredYear: 2018, perCapitaIncomeYuan: 3200,
  head: { citizenId: freshCitizenId(), name: '张大山' }, ...override,
});

async function register(override: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await pov.query(REGISTER, { input: registerInput(override) }, 'poverty');
  expect(errors).toBeUndefined();
  return data.registerHousehold;
}

describe('registerHousehold', () => {
  it('registers a household with its head, numbered after the county-year sequence, and audits the write', async () => {
    const before = await counts();
    const citizenId = composeCitizenId('320321', '1979-04-12', 124);
    const household = await register({ head: { citizenId, name: '王秀英' } });
    const taken = pov.world.poverty.households.filter((h) => h.householdNo.startsWith('320321-2018-')).length;
    expect(household).toEqual({
      id: expect.any(String), householdNo: `320321-2018-${String(taken + 1).padStart(6, '0')}`, regionCode: '320321', size: 1,
      cause: 'ILLNESS', registeredYear: 2018, exitedYear: null, exited: false, perCapitaIncomeYuan: 3200,
      memberPersonKeys: [personKeyOf(citizenId)],
      registeredMembers: [{ personKey: personKeyOf(citizenId), name: '王秀英', gender: 'FEMALE', birthYear: 1979, relation: 'HEAD' }],
    });
    expect(await counts()).toEqual({ households: before.households + 1, members: before.members + 1, audit: before.audit + 2 });

    const next = await register();
    expect(next.householdNo).toBe(`320321-2018-${String(taken + 2).padStart(6, '0')}`);
    const trainee = await pov.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { povertyHousehold { id } } } }`,
      { r: [{ __typename: 'Trainee', personKey: personKeyOf(citizenId) }] }, 'hr');
    expect(trainee.data._entities).toEqual([{ povertyHousehold: { id: household.id } }]);
  });

  it('keeps a given registry number, and numbers racing registrations apart', async () => {
    const given = await register({ householdNo: 'JS-FX-2019-0001', registeredYear: 2019 });
    expect(given.householdNo).toBe('JS-FX-2019-0001');
    const raced = await Promise.all(Array.from({ length: 6 }, () =>
      pov.query(REGISTER, { input: registerInput({ regionCode: '320324', registeredYear: 2020 }) }, 'poverty')));
    expect(raced.map((r) => r.errors)).toEqual(raced.map(() => undefined));
    const numbers = raced.map((r) => r.data.registerHousehold.householdNo);
    expect(new Set(numbers).size).toBe(6);
  });

  it.each([
    ['a city code', { regionCode: '320300' }, 'input.regionCode'],
    ['a region outside Jiangsu', { regionCode: '110105' }, 'input.regionCode'],
    ['a year before the registry', { registeredYear: 2009 }, 'input.registeredYear'],
    ['a future year', { registeredYear: thisYear + 1 }, 'input.registeredYear'],
    ['a negative income', { perCapitaIncomeYuan: -1 }, 'input.perCapitaIncomeYuan'],
    ['a blank registry number', { householdNo: '  ' }, 'input.householdNo'],
    ['a taken registry number', { householdNo: '320104-2016-000001' }, 'input.householdNo'],
    ['a wrong check character', { head: { citizenId: wrongCheck(composeCitizenId('320322', '1988-08-08', 11)), name: '李四' } }, 'input.head.citizenId'],
    ['a blank head name', { head: { citizenId: composeCitizenId('320322', '1970-01-01', 901), name: ' ' } }, 'input.head.name'],
  ])('refuses %s, naming the field and writing nothing', async (_, override, field) => {
    const before = await counts();
    const { data, errors } = await pov.query(REGISTER, { input: registerInput(override) }, 'poverty');
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('refuses a head already registered in any household', async () => {
    const member = pov.world.poverty.members.find((m) => m.relation === 'CHILD')!;
    const before = await counts();
    const { errors } = await pov.query(REGISTER, { input: registerInput({ head: { citizenId: member.citizenId, name: 'x' } }) }, 'poverty');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.head.citizenId' });
    expect(await counts()).toEqual(before);
  });

  it.each([['the public', undefined], ['hr', 'hr'], ['an analyst', 'analyst']] as const)('refuses a registration by %s', async (_, role) => {
    const before = await counts();
    const { errors } = await pov.query(REGISTER, { input: registerInput() }, role);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('addMember', () => {
  it('adds a member, growing the size, the member keys and the region population', async () => {
    const household = await register({ regionCode: '320925' });
    const region = async () => (await pov.query('{ region(code: "320925") { poorPopulation } }')).data.region.poorPopulation;
    const population = await region();
    const citizenId = freshCitizenId('2012-06-01');
    const { data, errors } = await pov.query(ADD, { input: { householdId: household.id, citizenId, name: '张小明', relation: 'CHILD' } }, 'poverty');
    expect(errors).toBeUndefined();
    expect(data.addMember).toMatchObject({
      personKey: personKeyOf(citizenId), birthYear: 2012, relation: 'CHILD',
      household: { id: household.id, size: 2, memberPersonKeys: [...household.memberPersonKeys, personKeyOf(citizenId)] },
    });
    expect(await region()).toBe(population + 1);
  });

  it('refuses bad members, naming the field and writing nothing', async () => {
    const household = await register();
    const existing = pov.world.poverty.members[5];
    const cases: Array<[Record<string, string>, string]> = [
      [{ householdId: household.id, citizenId: existing.citizenId, name: '某某', relation: 'SPOUSE' }, 'input.citizenId'],
      [{ householdId: household.id, citizenId: freshCitizenId(), name: '某某', relation: 'HEAD' }, 'input.relation'],
      [{ householdId: '999999', citizenId: freshCitizenId(), name: '某某', relation: 'CHILD' }, 'input.householdId'],
      [{ householdId: 'abc', citizenId: freshCitizenId(), name: '某某', relation: 'CHILD' }, 'input.householdId'],
      [{ householdId: household.id, citizenId: wrongCheck(freshCitizenId()), name: '某某', relation: 'CHILD' }, 'input.citizenId'],
      [{ householdId: household.id, citizenId: freshCitizenId(), name: '', relation: 'CHILD' }, 'input.name'],
    ];
    for (const [input, field] of cases) {
      const before = await counts();
      const { errors } = await pov.query(ADD, { input }, 'poverty');
      expect([input, errors?.[0].extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      expect(await counts()).toEqual(before);
    }
    const after = await pov.query('query($id: ID!) { poorHousehold(id: $id) { size } }', { id: household.id }, 'poverty');
    expect(after.data.poorHousehold.size).toBe(1);
  });

  it('registers a citizen once when two households add them at once', async () => {
    const [a, b] = await Promise.all([register(), register()]);
    const citizenId = freshCitizenId('1990-10-10');
    const results = await Promise.all([a, b, a, b].map((h) =>
      pov.query(ADD, { input: { householdId: h.id, citizenId, name: '刘芳', relation: 'SPOUSE' } }, 'poverty')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citizenId' });
    const sizes = await pov.query('query($a: ID!, $b: ID!) { a: poorHousehold(id: $a) { size } b: poorHousehold(id: $b) { size } }',
      { a: a.id, b: b.id }, 'poverty');
    expect(sizes.data.a.size + sizes.data.b.size).toBe(3);
  });
});

describe('recordExit', () => {
  it('records an exit with the income at exit', async () => {
    const household = pov.world.poverty.households.find((h) => h.exitedYear === null)!;
    const before = await counts();
    const { data, errors } = await pov.query(EXIT, {
      input: { householdId: String(household.id), exitedYear: household.registeredYear + 1, perCapitaIncomeYuan: 9800 },
    }, 'poverty');
    expect(errors).toBeUndefined();
    expect(data.recordExit).toEqual({ id: String(household.id), exited: true, exitedYear: household.registeredYear + 1, perCapitaIncomeYuan: 9800 });
    expect((await counts()).audit).toBe(before.audit + 1);
  });

  it('refuses bad exits, naming the field and changing nothing', async () => {
    const exited = pov.world.poverty.households.filter((h) => h.exitedYear !== null)[0];
    const poor = pov.world.poverty.households.filter((h) => h.exitedYear === null).at(-1)!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ householdId: String(exited.id), exitedYear: thisYear, perCapitaIncomeYuan: 8000 }, 'input.householdId'],
      [{ householdId: String(poor.id), exitedYear: poor.registeredYear - 1, perCapitaIncomeYuan: 8000 }, 'input.exitedYear'],
      [{ householdId: String(poor.id), exitedYear: thisYear + 1, perCapitaIncomeYuan: 8000 }, 'input.exitedYear'],
      [{ householdId: String(poor.id), exitedYear: thisYear, perCapitaIncomeYuan: -5 }, 'input.perCapitaIncomeYuan'],
      [{ householdId: '999999', exitedYear: thisYear, perCapitaIncomeYuan: 8000 }, 'input.householdId'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await pov.query(EXIT, { input }, 'poverty');
      expect([input, errors?.[0].extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    const [row] = await pov.subgraph.dataSource.query(
      'SELECT exited_year, per_capita_income_yuan FROM poor_household WHERE id = $1', [poor.id]);
    expect(row).toEqual({ exited_year: null, per_capita_income_yuan: poor.perCapitaIncomeYuan });
  });
});

describe('unique-index races', () => {
  it("recognises the registry's unique indexes refusing a duplicate", async () => {
    const db = pov.subgraph.dataSource;
    const [m] = pov.world.poverty.members;
    const [h] = pov.world.poverty.households;
    const member = await db.query(
      `INSERT INTO household_member (household_id, citizen_id, person_key, person_key_prefix, name, gender, birth_year, relation)
       VALUES ($1, $2, 'pk_00000000000000000000000000000000', 0, 'x', 'MALE', 1990, 'OTHER')`, [h.id, m.citizenId],
    ).catch((e: unknown) => e);
    expect(isUniqueViolation(member, 'household_member_citizen_id_key')).toBe(true);
    const household = await db.query(
      `INSERT INTO poor_household (household_no, region_code, size, cause, registered_year, per_capita_income_yuan)
       VALUES ($1, '320321', 1, 'OTHER', 2018, 0)`, [h.householdNo],
    ).catch((e: unknown) => e);
    expect(isUniqueViolation(household, 'poor_household_household_no_key')).toBe(true);
    expect(isUniqueViolation(household, 'household_member_citizen_id_key')).toBe(false);
  });
});

describe('seed', () => {
  it('does nothing the second time', async () => {
    const before = await counts();
    await povertySubgraph.seed(pov.subgraph.dataSource, pov.world);
    expect(await counts()).toEqual(before);
  });
});

describe('household_tally', () => {
  it('holds exactly the registry grouped by county after the writes above', async () => {
    const [difference] = await pov.subgraph.dataSource.query(`
      WITH actual AS (SELECT region_code, count(*)::int AS households, sum(size)::bigint AS population,
          count(*) FILTER (WHERE exited_year IS NOT NULL)::int AS exited FROM poor_household GROUP BY 1),
      kept AS (SELECT region_code, households, population, exited FROM household_tally WHERE households <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
        (SELECT count(*) FROM actual)::int AS counties`);
    expect(difference.counties).toBeGreaterThan(0);
    expect(difference.rows).toBe(0);
  });
});

describe('registry_prefix_tally', () => {
  it('holds exactly the members by prefix, year registered and last year in the registry after the writes above', async () => {
    // The writes above registered households, added members and recorded exits (which move members).
    const [difference] = await pov.subgraph.dataSource.query(`
      WITH actual AS (SELECT m.person_key_prefix, h.registered_year, coalesce(h.exited_year, 32767)::smallint AS in_registry_until,
          count(*)::int AS members
        FROM household_member m JOIN poor_household h ON h.id = m.household_id GROUP BY 1, 2, 3),
      kept AS (SELECT person_key_prefix, registered_year, in_registry_until, members FROM registry_prefix_tally WHERE members <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
        (SELECT count(*) FROM actual WHERE in_registry_until < 32767)::int AS exited,
        (SELECT count(*) FROM actual)::int AS members`);
    expect(difference.members).toBeGreaterThan(0);
    expect(difference.exited).toBeGreaterThan(0);
    expect(difference.rows).toBe(0);
  });
});
