import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import type { World } from '@rg/demo-province';
import { composeCitizenId } from '@rg/person-key';
import { PROVINCE_CODE } from '@rg/regions';
import { womensFederationSubgraph } from './index';

/** Who may read and write what (docs/ACCESS.md), and the audit trail of other roles' reads. */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(womensFederationSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const cases = () => world.womensFederation.cases;

describe('womens-federation access rules', () => {
  const ONE = `query ($id: ID!) { womenSupportCase(id: $id) { id personKey supportType poorPriority name } }`;

  it('serves the public no case records, even through _entities, but the region figures', async () => {
    const [c] = cases();
    const list = await harness.query('{ womenSupportCases(first: 1) { totalCount } }');
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ref = await harness.query(`query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on WomenSupportCase { id supportType } ... on Trainee { womenSupport { id } } } }`,
    { r: [{ __typename: 'WomenSupportCase', id: String(c.id) }, { __typename: 'Trainee', personKey: c.personKey }] });
    expect(ref.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(ref.data ?? {})).not.toContain(c.supportType);
    const region = await harness.query(`{ region(code: "${PROVINCE_CODE}") { womenSupportCaseCount } }`);
    expect(region.errors).toBeUndefined();
  });

  it.each(['analyst', 'hr', 'poverty'] as const)('gives %s the pseudonymous case and FORBIDDEN on the name only', async (role) => {
    const [c] = cases();
    const { data, errors } = await harness.query(ONE, { id: String(c.id) }, role);
    expect(data.womenSupportCase).toEqual({
      id: String(c.id), personKey: c.personKey, supportType: c.supportType, poorPriority: c.poorPriority, name: null,
    });
    expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['womenSupportCase.name', 'FORBIDDEN']]);
  });

  it.each(['womens-federation', 'admin'] as const)('gives %s the name', async (role) => {
    const [c] = cases();
    const { data, errors } = await harness.query(ONE, { id: String(c.id) }, role);
    expect(errors).toBeUndefined();
    expect(data.womenSupportCase.name).toBe(c.name);
  });

  it.each([undefined, 'analyst', 'hr', 'youth-league'] as const)('refuses writes by %s', async (role) => {
    const before = await harness.rowCount('women_support_case');
    const open = await harness.query(`mutation { openSupportCase(input: { citizenId: "${composeCitizenId('320322', '1988-08-08', 246)}",
      name: "赵丽", supportType: MENTORING, openedOn: "2020-01-02" }) { id } }`, undefined, role);
    expect(open.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const openCase = cases().find((c) => c.closedOn === null)!;
    const close = await harness.query(`mutation { closeSupportCase(input: { caseId: "${openCase.id}", closedOn: "2021-01-01",
      outcome: WITHDRAWN }) { id } }`, undefined, role);
    expect(close.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await harness.rowCount('women_support_case')).toBe(before);
    const [row] = await harness.subgraph.dataSource.query('SELECT closed_on FROM women_support_case WHERE id = $1', [openCase.id]);
    expect(row.closed_on).toBeNull();
  });

  it("audits other roles' reads in one batch per request, and every write", async () => {
    const count = async () => {
      const [{ n }] = await harness.subgraph.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
      return n as number;
    };
    const before = await count();
    await harness.query('{ womenSupportCases(first: 50) { edges { node { id personKey } } } }', undefined, 'analyst');
    expect(await count()).toBe(before + 1);
    const [read] = await harness.subgraph.dataSource.query(
      'SELECT role, action, record_type, cardinality(record_ids) AS n FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(read).toEqual({ role: 'analyst', action: 'READ', record_type: 'WomenSupportCase', n: 50 });
    await harness.query('{ womenSupportCases(first: 5) { edges { node { id name } } } }', undefined, 'womens-federation');
    expect(await count()).toBe(before + 1);

    const opened = await harness.query(`mutation { openSupportCase(input: { citizenId: "${composeCitizenId('320322', '1988-08-08', 246)}",
      name: "赵丽", supportType: MENTORING, openedOn: "2020-01-02" }) { id } }`, undefined, 'womens-federation');
    const [write] = await harness.subgraph.dataSource.query(
      'SELECT role, action, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(write).toEqual({ role: 'womens-federation', action: 'WRITE', record_type: 'WomenSupportCase', record_ids: [opened.data.openSupportCase.id] });
  });
});
