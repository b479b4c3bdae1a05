import {
  DEBARRED_INSTITUTIONS, expectedEligibilityFindings, expectedLeagueTable, expectedProgramme,
} from '@rg/demo-province';
import { startStackHarness, type StackHarness } from './stack-harness';

/**
 * hr's programme records through the gateway — survey, institutions, follow-up, loan detail,
 * eligibility cross-checks — each answer checked against the generator's ground truth.
 */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness();
}, 180_000);
afterAll(() => h?.stop());

const PROGRAMME = ['wishingToTrain', 'trainingWishesMet', 'followUpCoverage6m', 'followUpCoverage12m', 'nonFounderEmploymentRate',
  'followUpJobs6m', 'followUpJobs12m', 'followUpOutputYuan6m', 'followUpOutputYuan12m'] as const;
const SCORECARD = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) {
  ${PROGRAMME.map((name) => `${name} { value target met suppressed note }`).join(' ')} } }`;

describe('survey and follow-up indicators', () => {
  it.each([['320000', 2018], ['320300', 2019], ['321300', 2017], ['320321', 2020]])('match the ground truth for %s in %i', async (regionCode, year) => {
    const { data, errors } = await h.query(SCORECARD, { r: regionCode, y: year }, 'analyst');
    expect(errors).toBeUndefined();
    const { values } = expectedProgramme(h.world, regionCode, year);
    for (const name of PROGRAMME) {
      expect({ name, value: data.scorecard[name].value }).toEqual({ name, value: expect.closeTo(values[name], 9) });
      expect(data.scorecard[name].suppressed).toBe(false);
    }
    expect(data.scorecard.trainingWishesMet.target).toBe(1);
    expect(data.scorecard.trainingWishesMet.met).toBe(values.trainingWishesMet >= 1);
    expect(data.scorecard.followUpCoverage6m).toMatchObject({ target: null, met: null });
  });
  // The public's view, small cells withheld, is checked with every other indicator in disclosure.test.ts.
});

describe('eligibility cross-checks', () => {
  const FINDINGS = `query($r: ID!, $y: Int!) { scorecard(regionCode: $r, year: $y) {
    eligibilityFindingCount { value suppressed note }
    eligibilityFindings { id kind traineeId loanId subsidyId trainee { id } registryMember { id } registryHousehold { id } } } }`;

  it.each([['320300', 2019], ['320000', 2018], ['321000', 2020]])('list every finding of %s in %i with both departments\' ids', async (regionCode, year) => {
    const { data, errors } = await h.query(FINDINGS, { r: regionCode, y: year }, 'admin');
    expect(errors).toBeUndefined();
    const expected = expectedEligibilityFindings(h.world, regionCode, year);
    expect(expected.length).toBeGreaterThan(0);
    const actual = data.scorecard.eligibilityFindings.map((f: any) => ({
      kind: f.kind, traineeId: Number(f.traineeId), loanId: f.loanId && Number(f.loanId), subsidyId: f.subsidyId && Number(f.subsidyId),
      householdId: f.registryHousehold && Number(f.registryHousehold.id), memberId: f.registryMember && Number(f.registryMember.id),
    }));
    expect(actual).toEqual(expected);
    for (const f of data.scorecard.eligibilityFindings) expect(f.trainee.id).toBe(f.traineeId);
    // A count for auditors, not a policy goal: given, and not judged against any target.
    expect(data.scorecard.eligibilityFindingCount).toEqual({
      value: expected.length, suppressed: false, note: 'no policy target set for this region and year: reported, not judged',
    });
  });

  it('finds every planted kind somewhere in the province', async () => {
    const kinds = new Set<string>();
    for (const year of [2016, 2017, 2018, 2019, 2020, 2021]) {
      const { data, errors } = await h.query(FINDINGS, { r: '320000', y: year }, 'hr');
      expect(errors).toBeUndefined();
      for (const f of data.scorecard.eligibilityFindings) kinds.add(f.kind);
    }
    expect([...kinds].sort()).toEqual([
      'DECLARED_POOR_NOT_IN_REGISTRY', 'DOUBLE_TRAINING_SUBSIDY', 'LOAN_ABOVE_CAP', 'LOAN_WITHOUT_VENTURE', 'REGISTRY_POOR_OTHER_CATEGORY',
    ]);
  });

  it('are refused to analysts and other departments, with the rest of the scorecard still answered', async () => {
    for (const role of ['analyst', 'poverty'] as const) {
      const { data, errors } = await h.query(`{ scorecard(regionCode: "320300", year: 2019) {
        trainingWishesMet { value } eligibilityFindingCount { value } } }`, undefined, role);
      expect(errors?.some((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      expect(data.scorecard.trainingWishesMet.value).not.toBeNull();
    }
  });
});

describe('training institutions', () => {
  it.each(['PASS_RATE', 'VENTURE_RATE', 'SATISFACTION'] as const)('rank in the league table by %s', async (rankBy) => {
    const { data, errors } = await h.query(`query($b: LeagueOrder!) { institutionLeagueTable(regionCode: "320300", year: 2019, rankBy: $b) {
      rank institution { id } completions passes passRate venturesWithin6m ventureRate satisfaction debarred } }`, { b: rankBy }, 'analyst');
    expect(errors).toBeUndefined();
    const expected = expectedLeagueTable(h.world, '320300', 2019, rankBy);
    expect(expected.length).toBeGreaterThan(1);
    expect(data.institutionLeagueTable.map((r: any) => ({
      institutionId: Number(r.institution.id), completions: r.completions, passes: r.passes, venturesWithin6m: r.venturesWithin6m,
      satisfaction: r.satisfaction, debarred: r.debarred,
    }))).toEqual(expected.map((r) => ({ ...r, satisfaction: r.satisfaction === null ? null : expect.closeTo(r.satisfaction, 9) })));
    expect(data.institutionLeagueTable.map((r: any) => r.rank)).toEqual(expected.map((_, i) => i + 1));
  });

  it('lists institutions with designation, evaluations and debarments as recorded', async () => {
    const { data, errors } = await h.query(`{ all: trainingInstitutions(first: 500) { totalCount edges { node { id
        designations { designatedFrom designatedTo reviewingBody } evaluations { year completions passes venturesWithin6m satisfaction }
        debarred debarments { debarredOn reason } } } }
      barred: trainingInstitutions(filter: { debarred: true }) { totalCount }
      xuzhou: trainingInstitutions(filter: { regionCode: "320300" }) { totalCount } }`);
    expect(errors).toBeUndefined();
    const hr = h.world.hr;
    expect(data.all.totalCount).toBe(hr.institutions.length);
    expect(data.barred.totalCount).toBe(DEBARRED_INSTITUTIONS);
    expect(data.xuzhou.totalCount).toBe(hr.institutions.filter((i) => i.regionCode.startsWith('3203')).length);
    for (const { node } of data.all.edges) {
      const id = Number(node.id);
      expect(node.designations).toEqual(hr.designations.filter((d) => d.institutionId === id)
        .map(({ designatedFrom, designatedTo, reviewingBody }) => ({ designatedFrom, designatedTo, reviewingBody })));
      expect(node.evaluations).toEqual(hr.evaluations.filter((e) => e.institutionId === id).sort((a, b) => a.year - b.year)
        .map(({ year, completions, passes, venturesWithin6m, satisfaction }) => ({ year, completions, passes, venturesWithin6m, satisfaction })));
      expect(node.debarred).toBe(hr.debarments.some((d) => d.institutionId === id));
    }
  });
});

describe('survey responses and loan detail', () => {
  it('filter the survey by region, year and intention', async () => {
    const { data, errors } = await h.query(`{ surveyResponses(filter: { regionCode: "320300", year: 2018, intendsToTrain: true }, first: 5) {
      totalCount edges { node { personKey regionCode surveyedOn intendsToTrain needs } } } }`, undefined, 'hr');
    expect(errors).toBeUndefined();
    const expected = h.world.hr.surveyResponses.filter((r) => r.regionCode.startsWith('3203') && r.surveyedOn.startsWith('2018') && r.intendsToTrain);
    expect(data.surveyResponses.totalCount).toBe(expected.length);
    for (const { node } of data.surveyResponses.edges) {
      expect(expected.some((r) => r.personKey === node.personKey && r.surveyedOn === node.surveyedOn && r.needs === node.needs)).toBe(true);
    }
  });

  it("give each loan's guarantee, interest subsidy and status", async () => {
    const defaulted = h.world.hr.loans.find((l) => l.defaultedOn !== null)!;
    const { data, errors } = await h.query(`query($id: ID!) { trainee(id: $id) { loans { id guaranteeType interestSubsidyYuan defaultedOn repaidOn status } } }`,
      { id: String(defaulted.borrowerId) }, 'analyst');
    expect(errors).toBeUndefined();
    const expected = h.world.hr.loans.filter((l) => l.borrowerId === defaulted.borrowerId).map((l) => ({
      id: String(l.id), guaranteeType: l.guaranteeType, interestSubsidyYuan: l.interestSubsidyYuan, defaultedOn: l.defaultedOn,
      repaidOn: l.repaidOn, status: l.defaultedOn ? 'DEFAULTED' : l.repaidOn ? 'REPAID' : 'OUTSTANDING',
    }));
    expect(data.trainee.loans).toEqual(expected);
  });
});
