import { checkCharacter, composeCitizenId } from '@rg/person-key';
import { todayInBeijing } from '@rg/beijing-date';
import type { World } from '@rg/demo-province';
import type { Department } from '@rg/departments';

/**
 * A corpus of bad inputs for every mutation of the five departments. Each case starts from
 * a valid input (BASE, which the happy-path tests send as is) and breaks exactly one thing,
 * so the answer must name that one field: BAD_USER_INPUT with `extensions.field`, or, when
 * GraphQL itself refuses the variable (unknown enum value, missing field, wrong scalar),
 * BAD_USER_INPUT with a message naming the field.
 */
export type { Department } from '@rg/departments';
export type Vars = Record<string, unknown>;
/** Records made in beforeAll that the world does not have (a park with no room left). */
export interface Fixtures { fullParkId: string }
export type Expected = string | { mentions: string };
export type Case = [description: string, department: Department, document: string, variables: Vars | ((f: Fixtures) => Vars), expected: Expected];

export const MUTATIONS: Record<string, Department> = {
  registerTrainee: 'hr', enrol: 'hr', recordCompletion: 'hr', recordVenture: 'hr', issueLoan: 'hr', recordFollowUp: 'hr',
  recordSurveyResponse: 'hr', designateInstitution: 'hr', recordInstitutionEvaluation: 'hr', debarInstitution: 'hr',
  payTrainingSubsidy: 'hr', recordLoanDetail: 'hr',
  createPark: 'agriculture', admitVenture: 'agriculture', releaseVenture: 'agriculture',
  registerHousehold: 'poverty', addMember: 'poverty', recordExit: 'poverty',
  publishStory: 'youth-league', grantAward: 'youth-league',
  openSupportCase: 'womens-federation', closeSupportCase: 'womens-federation',
  setHrPolicyTarget: 'hr', setAgriculturePolicyTarget: 'agriculture',
  // Demonstration designations (designation-cases.ts)
  designate: 'hr', recordDesignationReview: 'hr',
};

/** The mutation document, its input sent as the variable `$input`. */
export const doc = (mutation: string) =>
  `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`;

/** Dates relative to today in Beijing, the calendar the mutations check against. */
export const day = (offset: number) => todayInBeijing(new Date(Date.now() + offset * 86_400_000));
export const TODAY = day(0);
export const TOMORROW = day(1);
export const NEXT_YEAR = Number(TODAY.slice(0, 4)) + 1;
export const long = (n: number) => '长'.repeat(n);
/** The same ID with a wrong check character. */
export const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
/** 17 digits with their right check character, whatever they say (impossible dates, foreign regions). */
export const withCheck = (first17: string) => first17 + checkCharacter(first17);

export const FILTERS: Record<string, string> = {
  trainees: 'TraineeFilter', ventures: 'VentureFilter', incubatorParks: 'IncubatorParkFilter', poorHouseholds: 'PoorHouseholdFilter',
  surveyResponses: 'SurveyResponseFilter', trainingInstitutions: 'TrainingInstitutionFilter', awards: 'AwardFilter', successStories: 'SuccessStoryFilter', womenSupportCases: 'WomenSupportCaseFilter',
  designations: 'DesignationFilter',
};

/** What every department's cases build on: seeded records to point at, valid inputs, and the case makers. */
export function prepareCorpus(world: World) {
  const { hr, agriculture, poverty, youthLeague, womensFederation } = world;
  const used = new Set([...hr.trainees, ...poverty.members, ...womensFederation.cases].map((p) => p.citizenId));
  /** A valid citizen ID no department has yet; sequence parity gives the gender. */
  const fresh = (region: string, birth: string, gender: 'MALE' | 'FEMALE') => {
    for (let seq = gender === 'MALE' ? 999 : 998; ; seq -= 2) {
      const id = composeCitizenId(region, birth, seq);
      if (!used.has(id)) return used.add(id), id;
    }
  };
  const course = (id: number) => hr.courses.find((c) => c.id === id)!;
  const trainee = hr.trainees[0];
  const enrolled = new Set(hr.enrolments.filter((e) => e.traineeId === trainee.id).map((e) => e.courseId));
  const newCourse = hr.courses.find((c) => !enrolled.has(c.id) && c.startsOn >= trainee.registeredOn)!;
  const done = hr.enrolments.find((e) => e.completedOn)!;
  const open = hr.enrolments.find((e) => !e.completedOn && course(e.courseId).endsOn <= TODAY)!;
  const loaned = new Set(hr.loans.map((l) => l.borrowerId));
  const borrower = hr.trainees.find((t) => !loaned.has(t.id) && hr.ventures.some((v) => v.founderId === t.id))!;
  const borrowed = new Map<number, number>();
  for (const l of hr.loans) borrowed.set(l.borrowerId, (borrowed.get(l.borrowerId) ?? 0) + l.amountYuan);
  const [nearCap, nearCapSum] = [...borrowed.entries()].sort((a, b) => b[1] - a[1])[0];
  const otherVenture = hr.ventures.find((v) => v.founderId !== borrower.id)!;
  const everResident = new Set(agriculture.residencies.map((r) => r.ventureId));
  const [newcomer, fixtureVenture] = hr.ventures.filter((v) => !everResident.has(v.id));
  const park = agriculture.parks.find((p) => p.openedOn > '2010-01-01')!;
  const resident = agriculture.residencies.find((r) => !r.leftOn)!;
  const isResident = (ventureId: number) => agriculture.residencies.some((r) => r.ventureId === ventureId && !r.leftOn);
  const left = agriculture.residencies.find((r) => r.leftOn && !isResident(r.ventureId))!;
  const household = poverty.households.find((x) => x.exitedYear === null && x.registeredYear > 2010)!;
  const exited = poverty.households.find((x) => x.exitedYear !== null)!;
  const member = poverty.members[0];
  const award = youthLeague.awards[0];
  const openCase = womensFederation.cases.find((c) => !c.closedOn)!;
  const closedCase = womensFederation.cases.find((c) => c.closedOn)!;

  /** Valid inputs: each corpus case breaks one field of these; the happy-path tests send them unchanged. */
  const BASE: Record<string, Vars> = {
    registerTrainee: { citizenId: fresh('320102', '1990-03-15', 'MALE'), name: '测试学员', category: 'MIGRANT_WORKER', stage: 'AWARENESS', phone: '13912345678', registeredOn: '2020-01-02' },
    enrol: { traineeId: String(trainee.id), courseId: String(newCourse.id), enrolledOn: newCourse.startsOn },
    recordCompletion: { enrolmentId: String(open.id), completedOn: course(open.courseId).endsOn, passed: true, satisfaction: 4 },
    recordVenture: { founderId: String(trainee.id), name: '测试农家乐', industry: '乡村旅游', openedOn: '2021-03-01', jobsCreated: 3 },
    issueLoan: { borrowerId: String(borrower.id), ventureId: String(hr.ventures.find((v) => v.founderId === borrower.id)!.id), amountYuan: 50_000, bank: '江苏银行', issuedOn: '2021-05-01', interestSubsidised: true },
    recordFollowUp: { traineeId: String(trainee.id), mentorId: String(hr.mentors[0].id), visitedOn: '2021-06-01', businessStatus: 'OPERATING', helpGiven: '协助办理营业执照' },
    // Targets past the plan years, which no notice sets: a new record, not a replaced one.
    setHrPolicyTarget: { indicator: 'trained', regionCode: '320300', year: 2021, value: 1600, source: 'city plan 2021' },
    setAgriculturePolicyTarget: { indicator: 'newParks', regionCode: '320000', year: 2021, value: 3, source: 'provincial plan 2021' },
    createPark: { name: '测试返乡创业园', regionCode: '320102', level: 'COUNTY', openedOn: '2020-06-01', capacity: 20, industries: ['农村电商', '手工艺品'] },
    admitVenture: { parkId: String(park.id), ventureId: String(newcomer.id), enteredOn: '2021-01-10' },
    releaseVenture: { parkId: String(resident.parkId), ventureId: String(resident.ventureId), leftOn: TODAY },
    registerHousehold: { regionCode: '320104', cause: 'ILLNESS', registeredYear: 2018, perCapitaIncomeYuan: 3200, head: { citizenId: fresh('320104', '1975-07-07', 'FEMALE'), name: '测试户主' } },
    addMember: { householdId: String(household.id), citizenId: fresh('320104', '2001-02-02', 'MALE'), name: '测试成员', relation: 'CHILD' },
    recordExit: { householdId: String(household.id), exitedYear: 2021, perCapitaIncomeYuan: 9000 },
    publishStory: { title: '测试故事', summary: '返乡开办农家乐，带动乡亲增收。', protagonistPersonKey: trainee.personKey, protagonistName: trainee.name, ventureId: '1', regionCode: trainee.regionCode, channel: 'WECHAT', publishedOn: '2022-03-01' },
    grantAward: { personKey: trainee.personKey, recipientName: trainee.name, title: '返乡创业之星', level: 'CITY', year: 2022, regionCode: trainee.regionCode },
    openSupportCase: { citizenId: fresh('320105', '1988-08-08', 'FEMALE'), name: '测试女士', supportType: 'MENTORING', openedOn: '2021-09-01', poorPriority: false },
    closeSupportCase: { caseId: String(openCase.id), closedOn: TODAY, outcome: 'VENTURE_OPENED' },
  };
  /** For beforeAll: a park of capacity 1 filled by a venture no park has ever had. */
  const FIXTURES = {
    park: { ...BASE.createPark, name: '满员测试园', capacity: 1 },
    venture: String(fixtureVenture.id),
  };

  const cases: Case[] = [];
  /** One field broken; `patch` replaces fields (a function may build on the base or the fixtures). */
  const bad = (mutation: string, description: string, patch: Vars | ((base: Vars, f: Fixtures) => Vars), expected: Expected) => {
    const base = BASE[mutation];
    const variables = typeof patch === 'function' ? (f: Fixtures) => ({ input: patch(base, f) }) : { input: { ...base, ...patch } };
    cases.push([`${mutation}: ${description}`, MUTATIONS[mutation], doc(mutation), variables, expected]);
  };
  const without = (field: string) => (base: Vars) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== field));
  const page = (department: Department, list: string, variables: Vars, expected: string) =>
    cases.push([`${list}: ${JSON.stringify(variables)}`, department,
      `query($first: Int, $filter: ${FILTERS[list]}) { ${list}(first: $first, filter: $filter) { totalCount } }`,
      variables, expected]);

  return { hr, agriculture, poverty, youthLeague, womensFederation, used, fresh, course, trainee, enrolled, newCourse, done, open, loaned, borrower, borrowed, nearCap, nearCapSum, otherVenture, everResident, newcomer, fixtureVenture, park, resident, isResident, left, household, exited, member, award, openCase, closedCase, BASE, FIXTURES, cases, bad, without, page };
}

export type Corpus = ReturnType<typeof prepareCorpus>;
