import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@rg/dev-postgres';
import type { World } from '@rg/demo-province';
import { composeCitizenId, personKeyOf, personKeyPrefix } from '@rg/person-key';
import { womensFederationSubgraph } from './index';

/** The federation's writes: each on a fresh database, validated, transactional, all or nothing. */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(womensFederationSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const cases = () => world.womensFederation.cases;

function expectBadInput(response: GraphQLResponse, field: string): void {
  expect(response.data?.openSupportCase ?? response.data?.closeSupportCase ?? null).toBeNull();
  expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Trainee { personKey womenSupport { id supportType openedOn open outcome } }
    ... on WomenSupportCase { id name }
    ... on Region { code womenSupportCaseCount openWomenSupportCaseCount }
    ... on Scorecard { regionCode year womenSupportCasesOpened { value target met } }
  }
}`;

describe('mutations', () => {
  const OPEN = `mutation ($input: OpenSupportCaseInput!) { openSupportCase(input: $input) {
    id personKey name regionCode supportType openedOn closedOn open outcome poorPriority } }`;
  const CLOSE = `mutation ($input: CloseSupportCaseInput!) { closeSupportCase(input: $input) {
    id closedOn open outcome } }`;
  const woman = composeCitizenId('320321', '1990-02-28', 124);
  const validOpen = () => ({ citizenId: woman, name: '王秀英', supportType: 'ECOMMERCE_TRAINING', openedOn: '2020-03-08', poorPriority: true });

  it('opens a case with region and person key derived from the citizen ID', async () => {
    const before = await harness.query(ENTITIES, { representations: [{ __typename: 'Region', code: '320321' }] }, 'womens-federation');
    const response = await harness.query(OPEN, { input: validOpen() }, 'womens-federation');
    expect(response.errors).toBeUndefined();
    expect(response.data.openSupportCase).toMatchObject({
      personKey: personKeyOf(woman), name: '王秀英', regionCode: '320321', supportType: 'ECOMMERCE_TRAINING',
      openedOn: '2020-03-08', closedOn: null, open: true, outcome: 'ONGOING', poorPriority: true,
    });
    const [row] = await harness.subgraph.dataSource.query(
      'SELECT citizen_id, person_key_prefix FROM women_support_case WHERE id = $1', [Number(response.data.openSupportCase.id)],
    );
    expect(row).toEqual({ citizen_id: woman, person_key_prefix: personKeyPrefix(personKeyOf(woman)).toString() });

    const after = await harness.query(ENTITIES, {
      representations: [{ __typename: 'Region', code: '320321' }, { __typename: 'Trainee', personKey: personKeyOf(woman) }],
    }, 'womens-federation');
    expect(after.data._entities[0].womenSupportCaseCount).toBe(before.data._entities[0].womenSupportCaseCount + 1);
    expect(after.data._entities[0].openWomenSupportCaseCount).toBe(before.data._entities[0].openWomenSupportCaseCount + 1);
    expect(after.data._entities[1].womenSupport.map((c: { id: string }) => c.id)).toEqual([response.data.openSupportCase.id]);
  });

  it.each([
    ["a man's citizen ID", { citizenId: composeCitizenId('320321', '1990-02-28', 123) }, 'input.citizenId'],
    ['a wrong check character', { citizenId: woman.slice(0, 17) + (woman[17] === '0' ? '1' : '0') }, 'input.citizenId'],
    ['a citizen ID from outside Jiangsu', { citizenId: composeCitizenId('110105', '1990-02-28', 124) }, 'input.citizenId'],
    ['a citizen ID with a city code', { citizenId: composeCitizenId('320300', '1990-02-28', 124) }, 'input.citizenId'],
    ['a blank name', { name: ' ' }, 'input.name'],
    ['a future opening date', { openedOn: '2999-01-01' }, 'input.openedOn'],
    ['a malformed opening date', { openedOn: '08/03/2020' }, 'input.openedOn'],
  ])('refuses to open a case with %s and writes nothing', async (_case, change, field) => {
    const before = await harness.rowCount('women_support_case');
    expectBadInput(await harness.query(OPEN, { input: { ...validOpen(), ...change } }, 'womens-federation'), field);
    expect(await harness.rowCount('women_support_case')).toBe(before);
  });

  it('closes an open case once, with an outcome, not before it opened', async () => {
    const opened = await harness.query(OPEN, { input: { ...validOpen(), supportType: 'MENTORING' } }, 'womens-federation');
    const caseId = opened.data.openSupportCase.id;
    const close = (change: Record<string, unknown>) =>
      harness.query(CLOSE, { input: { caseId, closedOn: '2021-01-15', outcome: 'VENTURE_OPENED', ...change } }, 'womens-federation');

    expectBadInput(await close({ closedOn: '2020-03-07' }), 'input.closedOn');
    expectBadInput(await close({ closedOn: '2999-01-01' }), 'input.closedOn');
    expectBadInput(await close({ outcome: 'ONGOING' }), 'input.outcome');
    expectBadInput(await close({ caseId: '999999' }), 'input.caseId');
    expectBadInput(await close({ caseId: 'x' }), 'input.caseId');
    const [untouched] = await harness.subgraph.dataSource.query('SELECT closed_on::text, outcome FROM women_support_case WHERE id = $1', [Number(caseId)]);
    expect(untouched).toEqual({ closed_on: null, outcome: 'ONGOING' });

    const closed = await close({});
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeSupportCase).toEqual({ id: caseId, closedOn: '2021-01-15', open: false, outcome: 'VENTURE_OPENED' });

    expectBadInput(await close({ closedOn: '2021-02-01', outcome: 'WITHDRAWN' }), 'input.caseId');
    const [kept] = await harness.subgraph.dataSource.query('SELECT closed_on::text, outcome FROM women_support_case WHERE id = $1', [Number(caseId)]);
    expect(kept).toEqual({ closed_on: '2021-01-15', outcome: 'VENTURE_OPENED' });
  });

  it('refuses to close a case the world already closed', async () => {
    const done = cases().find((c) => c.closedOn !== null)!;
    const response = await harness.query(CLOSE, {
      input: { caseId: String(done.id), closedOn: done.closedOn, outcome: 'WITHDRAWN' },
    }, 'womens-federation');
    expectBadInput(response, 'input.caseId');
  });
});

describe('support_case_tally', () => {
  it('holds exactly the cases grouped by county and year opened after the writes above', async () => {
    const [difference] = await harness.subgraph.dataSource.query(`
      WITH actual AS (SELECT region_code, extract(year FROM opened_on)::smallint AS opened_year, count(*)::int AS cases,
          count(*) FILTER (WHERE closed_on IS NULL)::int AS open FROM women_support_case GROUP BY 1, 2),
      kept AS (SELECT region_code, opened_year, cases, open FROM support_case_tally WHERE cases <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept) a)::int
           + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual) b)::int AS rows,
        (SELECT count(*) FROM actual)::int AS groups`);
    expect(difference.groups).toBeGreaterThan(0);
    expect(difference.rows).toBe(0);
  });
});
