import { Client } from 'pg';
import { composeCitizenId } from '@rg/person-key';
import { expectedSupportCaseFindings, expectedSupportPriority, SUPPORT_PRIORITY_PLANTED } from '@rg/demo-province';
import { allCounties, PROVINCE_CODE } from '@rg/regions';
import { REFUSED } from './disclosure-expectations';
import { startStackHarness, type StackHarness } from './stack-harness';

/**
 * The priority of the poor checked across departments, through the gateway against the
 * generator's ground truth: returnee founders trained or not, support cases' poorPriority
 * against the registry, and the support-case findings. (The support-priority indicators of
 * the scorecard are compared with ground truth, for every caller and in batches, by
 * comparisons.test.ts and disclosure.test.ts with the other indicators.)
 */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness();
}, 180_000);
afterAll(() => h?.stop());

const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020];
const forbidden = (errors: any[] | undefined) => (errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');

/** The registry's standing of a person in a year: registered by then, not exited before it. */
function standing(personKey: string, year: number): boolean {
  const member = h.world.poverty.members.find((m) => m.personKey === personKey);
  if (!member) return false;
  const household = h.world.poverty.households.find((x) => x.id === member.householdId)!;
  return household.registeredYear <= year && (household.exitedYear === null || household.exitedYear >= year);
}

describe('founders who never trained', () => {
  const firstCompletion = () => {
    const first = new Map<number, string>();
    for (const e of h.world.hr.enrolments) {
      if (e.completedOn !== null && (first.get(e.traineeId) ?? '9999') > e.completedOn) first.set(e.traineeId, e.completedOn);
    }
    return first;
  };

  it('are recorded as register entries without a course, and founderTrained and its filter say so', async () => {
    const first = firstCompletion();
    const untrained = h.world.hr.ventures.filter((v) => !((first.get(v.founderId) ?? '9999') <= v.openedOn)).map((v) => String(v.id)).sort();
    expect(untrained).toHaveLength(SUPPORT_PRIORITY_PLANTED.untrainedFounders);
    const { data, errors } = await h.query(`{ untrained: ventures(filter: { founderTrained: false }, first: 500) {
        totalCount edges { node { id founderTrained founder { id firstCompletedOn } } } }
      trained: ventures(filter: { founderTrained: true }, first: 5) { totalCount edges { node { founderTrained } } }
      all: ventures(first: 1) { totalCount } }`, undefined, 'analyst');
    expect(errors).toBeUndefined();
    expect(data.untrained.edges.map((e: any) => e.node.id).sort()).toEqual(untrained);
    for (const { node } of data.untrained.edges) expect({ trained: node.founderTrained, first: node.founder.firstCompletedOn }).toEqual({ trained: false, first: null });
    for (const { node } of data.trained.edges) expect(node.founderTrained).toBe(true);
    expect(data.trained.totalCount).toBe(h.world.hr.ventures.length - untrained.length);
    expect(data.all.totalCount).toBe(h.world.hr.ventures.length);
  });

  it('cannot be filtered for by the public, who may not see who trained', async () => {
    const { data, errors } = await h.query('{ ventures(filter: { founderTrained: false }) { totalCount } }');
    expect(forbidden(errors)).toBe(true);
    expect(data?.ventures ?? null).toBeNull();
  });
});

describe('support cases checked against the registry', () => {
  const CASES = `query($y: Int!, $after: String) { womenSupportCases(filter: { openedYear: $y }, first: 500, after: $after) {
    edges { node { id personKey openedOn poorPriority registryPoor } } pageInfo { hasNextPage endCursor } } }`;

  async function casesOf(year: number, role: 'womens-federation' | 'admin' | 'analyst') {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: any; errors?: any[] } = await h.query(CASES, { y: year, after }, role);
      if (role === 'analyst') return { nodes: data.womenSupportCases.edges.map((e: any) => e.node), errors };
      expect(errors).toBeUndefined();
      nodes.push(...data.womenSupportCases.edges.map((e: any) => e.node));
      if (!data.womenSupportCases.pageInfo.hasNextPage) return { nodes, errors };
      after = data.womenSupportCases.pageInfo.endCursor;
    }
  }

  it("answer registryPoor by the registry, not by what staff typed, and disagree exactly on the planted cases", async () => {
    let disagreements = 0;
    for (const year of PLAN_YEARS) {
      const { nodes } = await casesOf(year, 'womens-federation');
      expect(nodes.length).toBe(h.world.womensFederation.cases.filter((c) => c.openedOn.startsWith(`${year}-`)).length);
      for (const c of nodes) {
        expect({ id: c.id, registryPoor: c.registryPoor }).toEqual({ id: c.id, registryPoor: standing(c.personKey, year) });
        if (c.registryPoor !== c.poorPriority) disagreements++;
      }
    }
    expect(disagreements).toBe(SUPPORT_PRIORITY_PLANTED.wronglyPrioritised + SUPPORT_PRIORITY_PLANTED.poorNotPrioritised);
  });

  it('withhold the registry\'s answer from roles that may not see the case\'s personal data', async () => {
    const { nodes, errors } = await casesOf(2019, 'analyst');
    expect(forbidden(errors)).toBe(true);
    expect(nodes.length).toBeGreaterThan(0);
    for (const c of nodes) expect(c.registryPoor).toBeNull();
  });

  it('audit the check at poverty as a cross-department read', async () => {
    const planted = h.world.womensFederation.cases.find((c) => c.poorPriority !== standing(c.personKey, Number(c.openedOn.slice(0, 4))))!;
    const poverty = new Client({ connectionString: h.stack.databaseUrls.poverty });
    await poverty.connect();
    try {
      const before = Number((await poverty.query('SELECT max(id) AS id FROM audit_event')).rows[0].id ?? 0);
      const { data, errors } = await h.query(`query CheckPriority($id: ID!) { womenSupportCase(id: $id) { registryPoor } }`,
        { id: String(planted.id) }, 'womens-federation');
      expect(errors).toBeUndefined();
      expect(data.womenSupportCase.registryPoor).toBe(!planted.poorPriority);
      const { rows } = await poverty.query(
        'SELECT role, action, operation, record_type, record_ids FROM audit_event WHERE id > $1 ORDER BY id', [before]);
      expect(rows).toEqual(expect.arrayContaining([{
        role: 'womens-federation', action: 'READ', operation: 'CheckPriority',
        record_type: 'RegistryCheck', record_ids: [`WomenSupportCase:${planted.id}`],
      }]));
    } finally {
      await poverty.end();
    }
  });
});

describe('support-case findings', () => {
  const FINDINGS = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) {
    supportCaseFindingCount { value suppressed note }
    supportCaseFindings { id kind caseId supportCase { id poorPriority } registryMember { id } registryHousehold { id } } } }`;

  it.each([['320000', 2018], ['320300', 2019], ['320000', 2016], ['320321', 2019]])(
    "list every finding of %s in %i with both departments' ids", async (regionCode, year) => {
      const { data, errors } = await h.query(FINDINGS, { r: regionCode, y: year }, 'admin');
      expect(errors).toBeUndefined();
      const expected = expectedSupportCaseFindings(h.world, regionCode, year);
      const actual = data.scorecard.supportCaseFindings.map((f: any) => ({
        kind: f.kind, caseId: Number(f.caseId),
        householdId: f.registryHousehold && Number(f.registryHousehold.id), memberId: f.registryMember && Number(f.registryMember.id),
      }));
      expect(actual).toEqual(expected);
      for (const f of data.scorecard.supportCaseFindings) {
        expect(f.supportCase.id).toBe(f.caseId);
        expect(f.supportCase.poorPriority).toBe(f.kind === 'PRIORITY_NOT_IN_REGISTRY');
      }
      expect(data.scorecard.supportCaseFindingCount).toEqual({
        value: expected.length, suppressed: false, note: 'no policy target set for this region and year: reported, not judged',
      });
    });

  it('are not checked where the year\'s case women are 1 … 4: poverty refuses the set, and the count says why', async () => {
    const county = allCounties().map((c) => c.code).find((code) => {
      const women = expectedSupportPriority(h.world, code, 2019).counts.supportCaseWomen;
      return women > 0 && women < 5;
    })!;
    expect(county).toBeDefined();
    const { data, errors } = await h.query(FINDINGS, { r: county, y: 2019 }, 'admin');
    expect(errors).toBeUndefined();
    expect(data.scorecard.supportCaseFindings).toBeNull();
    expect(data.scorecard.supportCaseFindingCount).toEqual({ value: null, suppressed: true, note: REFUSED('poverty') });
  });

  it('find the planted cases of each kind across the plan years, for womens-federation staff', async () => {
    const kinds = new Map<string, number>();
    for (const year of PLAN_YEARS) {
      const { data, errors } = await h.query(FINDINGS, { r: PROVINCE_CODE, y: year }, 'womens-federation');
      expect(errors).toBeUndefined();
      for (const f of data.scorecard.supportCaseFindings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(kinds)).toEqual({
      PRIORITY_NOT_IN_REGISTRY: SUPPORT_PRIORITY_PLANTED.wronglyPrioritised,
      REGISTRY_POOR_NOT_PRIORITISED: SUPPORT_PRIORITY_PLANTED.poorNotPrioritised,
    });
  });

  it('are refused to analysts and other departments, with the rest of the scorecard still answered', async () => {
    for (const role of ['analyst', 'hr', 'poverty'] as const) {
      const { data, errors } = await h.query(`{ scorecard(regionCode: "320300", year: 2019) {
        returneeVentures { value } supportCaseFindingCount { value } } }`, undefined, role);
      expect(forbidden(errors)).toBe(true);
      expect(data.scorecard.returneeVentures.value).toBeGreaterThan(0);
      expect(data.scorecard.supportCaseFindingCount).toBeNull();
    }
  });
});

describe('recording a founder who never trained', () => {
  it('registers the returnee without a course, records the venture, and counts it among returnee ventures only', async () => {
    const used = new Set(h.world.hr.trainees.map((t) => t.citizenId));
    let seq = 997;
    while (used.has(composeCitizenId('320102', '1986-05-20', seq))) seq -= 2;
    const registered = await h.query(`mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id firstCompletedOn } }`, {
      i: { citizenId: composeCitizenId('320102', '1986-05-20', seq), name: '未培训创业者', category: 'MIGRANT_WORKER', stage: 'STARTUP',
        phone: '13912345679', registeredOn: '2021-02-01' },
    }, 'hr');
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerTrainee.firstCompletedOn).toBeNull();
    const opened = await h.query(`mutation($i: RecordVentureInput!) { recordVenture(input: $i) { id founderTrained founder { id } } }`, {
      i: { founderId: registered.data.registerTrainee.id, name: '自主创业茶庄', industry: '农产品加工', openedOn: '2021-03-01', jobsCreated: 2 },
    }, 'hr');
    expect(opened.errors).toBeUndefined();
    expect(opened.data.recordVenture).toMatchObject({ founderTrained: false, founder: { id: registered.data.registerTrainee.id } });

    const before = expectedSupportPriority(h.world, '320102', 2021).counts;
    const { data, errors } = await h.query(`{ scorecard(regionCode: "320102", year: 2021) {
      returneeVentures { value } trainedFounderShare { value suppressed } } }`, undefined, 'admin');
    expect(errors).toBeUndefined();
    expect(data.scorecard.returneeVentures.value).toBe(before.ventures + 1);
    expect(data.scorecard.trainedFounderShare).toEqual({ value: before.trainedFounderVentures / (before.ventures + 1), suppressed: false });
  });
});
