import { Client } from 'pg';
import { DEPARTMENTS } from '@rg/departments';
import { ROLES, type Role } from '@rg/access';
import { startStackHarness, type StackHarness } from './stack-harness';

/**
 * docs/ACCESS.md, cell by cell, through the gateway with a real token per role: every cell
 * that denies is asked for and must answer FORBIDDEN, while the rest of the answer comes back.
 */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness();
}, 180_000);
afterAll(() => h?.stop());

type Caller = Role;
const CALLERS: Caller[] = ['public', ...ROLES];
const ask = (query: string, caller: Caller) => h.query(query, undefined, caller === 'public' ? undefined : caller);
const forbidden = (errors: any[] | undefined) => (errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');

/** Personal details: the owning department and admins only. */
const PERSONAL: Array<[string, string, string]> = [
  ['hr', 'Trainee.name', '{ trainee(id: "1") { id name } }'],
  ['hr', 'Trainee.phone', '{ trainee(id: "1") { id phone } }'],
  ['hr', 'Trainee.citizenIdMasked', '{ trainee(id: "1") { id citizenIdMasked } }'],
  ['hr', 'Trainee.followUps', '{ trainee(id: "1") { id followUps { id } } }'],
  ['hr', 'Enrolment.subsidies', '{ trainee(id: "1") { id enrolments { subsidies { id amountYuan } } } }'],
  ['hr', 'Scorecard.eligibilityFindings', '{ scorecard(regionCode: "320000", year: 2019) { eligibilityFindings { id kind traineeId } } }'],
  ['hr', 'Scorecard.eligibilityFindingCount', '{ scorecard(regionCode: "320000", year: 2019) { eligibilityFindingCount { value } } }'],
  ['poverty', 'PoorHousehold.perCapitaIncomeYuan', '{ poorHouseholds(first: 1) { edges { node { id perCapitaIncomeYuan } } } }'],
  ['poverty', 'HouseholdMember.name', '{ poorHouseholds(first: 1) { edges { node { id registeredMembers { name } } } } }'],
  ['youth-league', 'SuccessStory.protagonistName', '{ successStories(first: 1) { edges { node { id protagonistName } } } }'],
  ['youth-league', 'Award.recipientName', '{ awards(first: 1) { edges { node { id recipientName } } } }'],
  ['youth-league', 'drafts', '{ successStories(first: 1, filter: { includeDrafts: true }) { totalCount } }'],
  ['womens-federation', 'WomenSupportCase.name', '{ womenSupportCases(first: 1) { edges { node { id name } } } }'],
  // The registry's answer about a support case's woman, and the support-case cross-checks.
  ['womens-federation', 'WomenSupportCase.registryPoor', '{ womenSupportCases(first: 1) { edges { node { id registryPoor } } } }'],
  ['womens-federation', 'Scorecard.supportCaseFindings',
    '{ scorecard(regionCode: "320000", year: 2019) { supportCaseFindings { id kind caseId supportCase { id } } } }'],
  ['womens-federation', 'Scorecard.supportCaseFindingCount', '{ scorecard(regionCode: "320000", year: 2019) { supportCaseFindingCount { value } } }'],
];

/** Records and links about people: any signed-in role, never the public. */
const SIGNED_IN_ONLY: Array<[string, string]> = [
  ['Trainee records', '{ trainees(first: 1) { totalCount edges { node { personKey } } } }'],
  ['PoorHousehold records', '{ poorHouseholds(first: 1) { totalCount } }'],
  ['WomenSupportCase records', '{ womenSupportCases(first: 1) { totalCount } }'],
  ['Venture.founder', '{ venture(id: "1") { id founder { id } } }'],
  ['SurveyResponse records', '{ surveyResponses(first: 1) { totalCount edges { node { personKey intendsToTrain } } } }'],
  ['institution league table', '{ institutionLeagueTable(regionCode: "320300", year: 2019) { rank passRate } }'],
  ['Loan guarantee and outcome', '{ trainee(id: "1") { loans { guaranteeType interestSubsidyYuan status } } }'],
  ['Venture.loans', '{ venture(id: "1") { id loans { amountYuan } } }'],
  ['Venture.founderTrained', '{ venture(id: "1") { id founderTrained } }'],
  ['ventures filtered by founderTrained', '{ ventures(first: 1, filter: { founderTrained: true }) { totalCount } }'],
  ['SuccessStory.protagonist', '{ successStories(first: 1) { edges { node { id protagonist { personKey } } } } }'],
  ['Award.recipient', '{ awards(first: 1) { edges { node { id recipient { personKey } } } } }'],
];

const PUBLIC: Array<[string, string]> = [
  ['parks', '{ incubatorParks(first: 2) { totalCount edges { node { name level kind residencies { enteredOn } residents { name industry residencies { leftOn } } } } } }'],
  ['published stories', '{ successStories(first: 2) { totalCount edges { node { title summary channel publishedOn } } } }'],
  ['awards', '{ awards(first: 2) { edges { node { title level year } } } }'],
  ['region figures', '{ region(code: "320300") { name traineeCount parkCount poorHouseholdCount storyCount womenSupportCaseCount } }'],
  ['scorecard', '{ scorecard(regionCode: "320000", year: 2019) { trained { value } poorTraineeShare { value } newParks { value } } }'],
  ['region tree', '{ region(code: "320300") { parent { code name } children { code name parent { code } children { code } } } }'],
  ['scorecards', `{ scorecards(regionCodes: ["320000", "320300"], years: [2018, 2019]) { regionCode year trained { value }
    poorTraineeShare { value } newParks { value } poorWomenSupportedShare { value } womenSupportCasesOpened { value } } }`],
  ['monthly statistics', `{ monthlyStatistics(regionCode: "320000", year: 2019) { month trained venturesOpened jobsCreated
    loansIssuedYuan poorTrained parksOpened storiesPublished womenSupportCasesOpened womenSupportCasesClosed
    disclosure { trained { suppressed } poorTrained { suppressed } womenSupportCasesOpened { suppressed } } } }`],
  ['policy targets', `{ hrPolicyTargets(regionCode: "320300", year: 2019) { indicator value unit source }
    agriculturePolicyTargets(regionCode: "320000") { indicator year value source }
    scorecard(regionCode: "320300", year: 2019) { trained { target targetSource } } }`],
  ['survey and follow-up indicators', '{ scorecard(regionCode: "320000", year: 2019) { trainingWishesMet { value } followUpCoverage12m { value } followUpJobs6m { value } } }'],
  ['support-priority indicators', `{ scorecard(regionCode: "320000", year: 2019) { poorBorrowerShare { value } poorWomenBorrowers { value }
    poorFounderShare { value } poorWomenFounders { value } poorParkEntrantShare { value } returneeVentures { value } trainedFounderShare { value } } }`],
  ['training institutions', '{ trainingInstitutions(first: 2) { totalCount edges { node { name debarred designations { reviewingBody } evaluations { year passes } debarments { reason } } } } }'],
];

/** Writes only an admin may make: the policy's targets, per department that keeps them. Invalid input anyway. */
const ADMIN_WRITES: Array<[string, string]> = [
  ['hr', 'mutation { setHrPolicyTarget(input: { indicator: "newParks", regionCode: "320300", year: 2019, value: 1, source: "x" }) { value } }'],
  ['agriculture', 'mutation { setAgriculturePolicyTarget(input: { indicator: "trained", regionCode: "320000", year: 2019, value: 1, source: "x" }) { value } }'],
];

/** One mutation per department, with input that is invalid anyway: FORBIDDEN first for a role that may not write. */
const WRITES: Array<[string, string]> = [
  ['hr', 'mutation { registerTrainee(input: { citizenId: "1", name: "x", category: VETERAN, stage: STARTUP }) { id } }'],
  ['agriculture', 'mutation { createPark(input: { name: "", regionCode: "000000", level: COUNTY, openedOn: "2999-01-01", capacity: 0, industries: [] }) { id } }'],
  ['poverty', 'mutation { recordExit(input: { householdId: "0", exitedYear: 1900, perCapitaIncomeYuan: -1 }) { id } }'],
  ['youth-league', 'mutation { grantAward(input: { personKey: "x", recipientName: "", title: "", level: COUNTY, year: 1900, regionCode: "x" }) { id } }'],
  ['womens-federation', 'mutation { closeSupportCase(input: { caseId: "0", closedOn: "2999-01-01", outcome: ONGOING }) { id } }'],
];

describe('personal details: owner and admin only', () => {
  const cells = PERSONAL.flatMap(([owner, field, query]) => CALLERS.map((caller) => [owner, field, caller, query] as const));
  it.each(cells)('%s %s as %s', async (owner, _field, caller, query) => {
    const { data, errors } = await ask(query, caller);
    if (caller === owner || caller === 'admin') {
      expect(errors).toBeUndefined();
      expect(JSON.stringify(data)).not.toMatch(/:null/);
    } else {
      expect(forbidden(errors)).toBe(true);
      if (caller !== 'public') expect(data).not.toBeNull(); // the rest of the answer still comes back
    }
  });
});

describe('records about people: signed-in roles only', () => {
  const cells = SIGNED_IN_ONLY.flatMap(([what, query]) => CALLERS.map((caller) => [what, caller, query] as const));
  it.each(cells)('%s as %s', async (_what, caller, query) => {
    const { errors } = await ask(query, caller);
    expect(forbidden(errors)).toBe(caller === 'public');
    if (caller !== 'public') expect(errors).toBeUndefined();
  });
});

describe('public data', () => {
  it.each(PUBLIC)('%s for everyone', async (_what, query) => {
    for (const caller of CALLERS) {
      const { data, errors } = await ask(query, caller);
      expect({ caller, errors }).toEqual({ caller, errors: undefined });
      expect(data).toBeTruthy();
    }
  });
});

describe('writes: the owning department and admin only', () => {
  it('asks one mutation of every department of the manifest', () => {
    expect(WRITES.map(([owner]) => owner).sort()).toEqual([...DEPARTMENTS].sort());
  });

  const cells = WRITES.flatMap(([owner, mutation]) => CALLERS.map((caller) => [owner, caller, mutation] as const));
  it.each(cells)('%s mutation as %s', async (owner, caller, mutation) => {
    const { errors } = await ask(mutation, caller);
    expect(errors?.[0].extensions?.code).toBe(caller === owner || caller === 'admin' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
  });
});

describe('policy targets: admin only, not even the owning department', () => {
  const cells = ADMIN_WRITES.flatMap(([owner, mutation]) => CALLERS.map((caller) => [owner, caller, mutation] as const));
  it.each(cells)('%s target as %s', async (_owner, caller, mutation) => {
    const { errors } = await ask(mutation, caller);
    expect(errors?.[0].extensions?.code).toBe(caller === 'admin' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
  });
});

/** hr's other writes, each with input that is invalid anyway. */
const HR_WRITES: string[] = [
  'mutation { recordSurveyResponse(input: { citizenId: "1", surveyedOn: "2999-01-01", surveyedBy: "", intendsToStart: true, intendsToTrain: true }) { id } }',
  'mutation { designateInstitution(input: { institutionId: "0", designatedFrom: "2999-01-01", reviewingBody: "" }) { id } }',
  'mutation { recordInstitutionEvaluation(input: { institutionId: "0", year: 1900, completions: -1, passes: 0, venturesWithin6m: 0 }) { id } }',
  'mutation { debarInstitution(input: { institutionId: "0", debarredOn: "2999-01-01", reason: "" }) { id } }',
  'mutation { payTrainingSubsidy(input: { enrolmentId: "0", kind: COMPLETION, amountYuan: 0, paidOn: "2999-01-01" }) { id } }',
  'mutation { recordLoanDetail(input: { loanId: "0", interestSubsidyYuan: -1 }) { id } }',
];

describe("hr's programme writes: hr and admin only", () => {
  const cells = HR_WRITES.flatMap((mutation) => CALLERS.map((caller) => [mutation.slice(11, 40), caller, mutation] as const));
  it.each(cells)('%s… as %s', async (_name, caller, mutation) => {
    const { errors } = await ask(mutation, caller);
    expect(errors?.[0].extensions?.code).toBe(caller === 'hr' || caller === 'admin' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
  });
});

describe('SurveyResponse.needs: hr and admin only', () => {
  it.each(CALLERS)('as %s', async (caller) => {
    const { data, errors } = await ask('{ surveyResponses(first: 20) { edges { node { id needs } } } }', caller);
    if (caller === 'hr' || caller === 'admin') {
      expect(errors).toBeUndefined();
      expect(data.surveyResponses.edges.some((e: any) => typeof e.node.needs === 'string')).toBe(true);
    } else {
      expect(forbidden(errors)).toBe(true);
    }
  });
});

describe('audit at the owner', () => {
  it("records hr's read of a poor household at poverty", async () => {
    const member = h.world.poverty.members.find((m) => h.world.hr.trainees.some((t) => t.personKey === m.personKey))!;
    const trainee = h.world.hr.trainees.find((t) => t.personKey === member.personKey)!;
    const poverty = new Client({ connectionString: h.stack.databaseUrls.poverty });
    await poverty.connect();
    try {
      const count = async () => Number((await poverty.query('SELECT count(*) FROM audit_event')).rows[0].count);
      const before = await count();
      const { data, errors } = await h.query(`query ReadPoorHousehold($id: ID!) { trainee(id: $id) { povertyHousehold { id cause } } }`,
        { id: String(trainee.id) }, 'hr');
      expect(errors).toBeUndefined();
      expect(data.trainee.povertyHousehold.id).toBe(String(member.householdId));
      expect(await count()).toBe(before + 1);
      const { rows } = await poverty.query('SELECT subject, role, action, operation, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1');
      expect(rows[0]).toEqual({
        subject: 'hr-dev-user', role: 'hr', action: 'READ', operation: 'ReadPoorHousehold',
        record_type: 'PoorHousehold', record_ids: [String(member.householdId)],
      });
      await h.query(`{ poorHouseholds(first: 5) { edges { node { id } } } }`, undefined, 'poverty');
      expect(await count()).toBe(before + 1); // poverty reading its own records is not a cross-department access
    } finally {
      await poverty.end();
    }
  });
});

// --- Demonstration designations (hr) and awards to enterprises (youth-league) ---
const PERSON_DESIGNATION = '{ designations(filter: { kind: PERSON }, first: 1) { edges { node { id kind';

describe('designations: public records, but for the person an entrepreneur star names', () => {
  const PUBLIC_DESIGNATIONS: Array<[string, string]> = [
    ['designations', `{ designations(first: 50) { totalCount edges { node { id kind level year title reviewingBody regionCode projectName
      active revokedIn reviews { id year result } park { id name } venture { id name designations { id } } } } } }`],
    ["reviews' notes of counties, parks, projects and enterprises", '{ designations(filter: { kind: VENTURE }, first: 50) { edges { node { reviews { note } } } } }'],
    ['designation(id)', '{ designation(id: "1") { id kind title } }'],
    ['IncubatorPark.designations', '{ incubatorParks(first: 50) { edges { node { id designations { id kind level } } } } }'],
    ['Region.activeDesignations', '{ region(code: "320000") { activeDesignations { kind count } } }'],
    ['awards to enterprises', '{ awards(filter: { recipientKind: VENTURE }, first: 5) { totalCount edges { node { title recipientKind venture { id name awards { id } } } } } }'],
    ['Award.recipientKind', '{ awards(first: 2) { edges { node { id recipientKind venture { id } } } } }'],
  ];
  it.each(PUBLIC_DESIGNATIONS)('%s for everyone', async (_what, query) => {
    for (const caller of CALLERS) {
      const { data, errors } = await ask(query, caller);
      expect({ caller, errors }).toEqual({ caller, errors: undefined });
      expect(data).toBeTruthy();
    }
  });

  it.each(CALLERS)('Designation.trainee (signed-in roles) and personName (hr and admin) as %s', async (caller) => {
    const link = await ask(`${PERSON_DESIGNATION} trainee { personKey } } } } }`, caller);
    expect(forbidden(link.errors)).toBe(caller === 'public');
    if (caller !== 'public') expect(link.data.designations.edges[0].node.trainee.personKey).toMatch(/^pk_/);
    const name = await ask(`${PERSON_DESIGNATION} personName } } } }`, caller);
    if (caller === 'hr' || caller === 'admin') {
      expect(name.errors).toBeUndefined();
      expect(name.data.designations.edges[0].node.personName).toEqual(expect.any(String));
    } else {
      expect(forbidden(name.errors)).toBe(true);
      expect(name.data.designations.edges[0].node.kind).toBe('PERSON'); // the rest of the answer still comes back
    }
  });

  it.each(CALLERS)("DesignationReview.note of an entrepreneur star (hr and admin) as %s", async (caller) => {
    const { data, errors } = await ask('{ designations(filter: { kind: PERSON }, first: 50) { edges { node { reviews { year note } } } } }', caller);
    if (caller === 'hr' || caller === 'admin') {
      expect(errors).toBeUndefined();
      expect(data.designations.edges.some((e: any) => e.node.reviews.some((r: any) => typeof r.note === 'string'))).toBe(true);
    } else {
      expect(forbidden(errors)).toBe(true);
    }
  });

  const DESIGNATION_WRITES = [
    'mutation { designate(input: { kind: COUNTY, level: CITY, year: 1900, title: "", reviewingBody: "", regionCode: "320300" }) { id } }',
    'mutation { recordDesignationReview(input: { designationId: "0", year: 1900, result: PASSED }) { id } }',
    'mutation { grantAward(input: { recipientKind: VENTURE, ventureId: "0", title: "", level: COUNTY, year: 1900, regionCode: "x" }) { id } }',
  ];
  const cells = DESIGNATION_WRITES.flatMap((mutation) => CALLERS.map((caller) => [mutation.slice(11, 40), caller, mutation] as const));
  it.each(cells)('%s… as %s', async (_name, caller, mutation) => {
    const { errors } = await ask(mutation, caller);
    const owner = mutation.includes('grantAward') ? 'youth-league' : 'hr';
    expect(errors?.[0].extensions?.code).toBe(caller === owner || caller === 'admin' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
  });
});
