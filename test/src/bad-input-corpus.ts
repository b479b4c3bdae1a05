import { checkCharacter, composeCitizenId } from '@rg/person-key';
import type { World } from '@rg/demo-province';

/**
 * A corpus of bad inputs for every mutation of the five departments. Each case starts from
 * a valid input (BASE, which the happy-path tests send as is) and breaks exactly one thing,
 * so the answer must name that one field: BAD_USER_INPUT with `extensions.field`, or, when
 * GraphQL itself refuses the variable (unknown enum value, missing field, wrong scalar),
 * BAD_USER_INPUT with a message naming the field.
 */
export type Department = 'hr' | 'agriculture' | 'poverty' | 'youth-league' | 'womens-federation';
export type Vars = Record<string, unknown>;
/** Records made in beforeAll that the world does not have (a park with no room left). */
export interface Fixtures { fullParkId: string }
export type Expected = string | { mentions: string };
export type Case = [description: string, department: Department, document: string, variables: Vars | ((f: Fixtures) => Vars), expected: Expected];

export const MUTATIONS: Record<string, Department> = {
  registerTrainee: 'hr', enrol: 'hr', recordCompletion: 'hr', recordVenture: 'hr', issueLoan: 'hr', recordFollowUp: 'hr',
  createPark: 'agriculture', admitVenture: 'agriculture', releaseVenture: 'agriculture',
  registerHousehold: 'poverty', addMember: 'poverty', recordExit: 'poverty',
  publishStory: 'youth-league', grantAward: 'youth-league',
  openSupportCase: 'womens-federation', closeSupportCase: 'womens-federation',
};

/** The mutation document, its input sent as the variable `$input`. */
export const doc = (mutation: string) =>
  `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const TODAY = day(0);
const TOMORROW = day(1);
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const long = (n: number) => '长'.repeat(n);
/** The same ID with a wrong check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
/** 17 digits with their right check character, whatever they say (impossible dates, foreign regions). */
const withCheck = (first17: string) => first17 + checkCharacter(first17);

const FILTERS: Record<string, string> = {
  trainees: 'TraineeFilter', ventures: 'VentureFilter', incubatorParks: 'IncubatorParkFilter', poorHouseholds: 'PoorHouseholdFilter',
  awards: 'AwardFilter', successStories: 'SuccessStoryFilter', womenSupportCases: 'WomenSupportCaseFilter',
};

export function buildCorpus(world: World) {
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

  // ---- hr -------------------------------------------------------------------------------
  let m = 'registerTrainee';
  const tid = BASE.registerTrainee.citizenId as string;
  bad(m, 'wrong check character', { citizenId: wrongCheck(tid) }, 'input.citizenId');
  bad(m, 'only 17 digits', { citizenId: tid.slice(0, 17) }, 'input.citizenId');
  bad(m, '19 characters', { citizenId: `${tid}1` }, 'input.citizenId');
  bad(m, 'letters inside the ID', { citizenId: `32010A${tid.slice(6)}` }, 'input.citizenId');
  bad(m, 'X not in last place', { citizenId: `${tid.slice(0, 16)}X${tid[17]}` }, 'input.citizenId');
  bad(m, 'empty ID', { citizenId: '' }, 'input.citizenId');
  bad(m, 'ID region outside Jiangsu (Beijing 110101)', { citizenId: withCheck('11010119900315999') }, 'input.citizenId');
  bad(m, 'ID region a city code (320300)', { citizenId: withCheck('32030019900315999') }, 'input.citizenId');
  bad(m, 'ID region the province code (320000)', { citizenId: withCheck('32000019900315999') }, 'input.citizenId');
  bad(m, 'ID birth date 30 February', { citizenId: withCheck('32010219900230999') }, 'input.citizenId');
  bad(m, 'ID birth month 13', { citizenId: withCheck('32010219901301999') }, 'input.citizenId');
  bad(m, 'ID birth date in the future', { citizenId: withCheck('32010220990101999') }, 'input.citizenId');
  bad(m, 'ID born in 1800', { citizenId: withCheck('32010218000101999') }, 'input.citizenId');
  bad(m, 'duplicate citizen ID', { citizenId: trainee.citizenId }, 'input.citizenId');
  const xId = hr.trainees.find((t) => t.citizenId.endsWith('X'))!.citizenId;
  bad(m, 'duplicate citizen ID written with lower-case x and spaces', { citizenId: ` ${xId.toLowerCase()} ` }, 'input.citizenId');
  bad(m, 'blank name', { name: '   ' }, 'input.name');
  bad(m, 'name of 51 characters', { name: long(51) }, 'input.name');
  bad(m, 'phone too short', { phone: '12345' }, 'input.phone');
  bad(m, 'phone not a mobile number', { phone: '02583123456' }, 'input.phone');
  bad(m, 'unknown category', { category: 'FARMER' }, { mentions: 'input.category' });
  bad(m, 'unknown stage', { stage: 'RETIRED' }, { mentions: 'input.stage' });
  bad(m, 'missing category', without('category'), { mentions: 'category' });
  bad(m, 'registeredOn tomorrow', { registeredOn: TOMORROW }, 'input.registeredOn');
  bad(m, 'registeredOn 29 February of a common year', { registeredOn: '2021-02-29' }, 'input.registeredOn');
  bad(m, 'registeredOn before 2000', { registeredOn: '1999-12-31' }, 'input.registeredOn');
  bad(m, 'registeredOn not ISO', { registeredOn: '2021/03/01' }, 'input.registeredOn');

  m = 'enrol';
  bad(m, 'unknown trainee', { traineeId: '9999999' }, 'input.traineeId');
  bad(m, 'trainee id not a number', { traineeId: 'abc' }, 'input.traineeId');
  bad(m, 'unknown course', { courseId: '9999999' }, 'input.courseId');
  bad(m, 'course id zero', { courseId: '0' }, 'input.courseId');
  bad(m, 'enrolled after the course started', { enrolledOn: TODAY }, 'input.enrolledOn');
  bad(m, 'enrolled twice in one course', { courseId: String(done.courseId), traineeId: String(done.traineeId), enrolledOn: done.enrolledOn }, 'input.courseId');
  bad(m, 'enrolledOn in the future', { enrolledOn: '2999-01-01' }, 'input.enrolledOn');
  bad(m, 'enrolledOn impossible date', { enrolledOn: '2019-04-31' }, 'input.enrolledOn');

  m = 'recordCompletion';
  bad(m, 'unknown enrolment', { enrolmentId: '9999999' }, 'input.enrolmentId');
  bad(m, 'negative enrolment id', { enrolmentId: '-3' }, 'input.enrolmentId');
  bad(m, 'completion recorded twice', { enrolmentId: String(done.id), completedOn: done.completedOn }, 'input.enrolmentId');
  bad(m, 'completed before the course started', { completedOn: '2000-01-01' }, 'input.completedOn');
  bad(m, 'satisfaction 0', { satisfaction: 0 }, 'input.satisfaction');
  bad(m, 'satisfaction 6', { satisfaction: 6 }, 'input.satisfaction');
  bad(m, 'completedOn tomorrow', { completedOn: TOMORROW }, 'input.completedOn');
  bad(m, 'passed as a string', { passed: 'yes' }, { mentions: 'input.passed' });

  m = 'recordVenture';
  bad(m, 'unknown founder', { founderId: '9999999' }, 'input.founderId');
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 101 characters', { name: long(101) }, 'input.name');
  bad(m, 'blank industry', { industry: ' ' }, 'input.industry');
  bad(m, 'industry of 51 characters', { industry: long(51) }, 'input.industry');
  bad(m, 'opened before the founder registered', { openedOn: '2000-01-01' }, 'input.openedOn');
  bad(m, 'openedOn in the future', { openedOn: `${NEXT_YEAR}-01-01` }, 'input.openedOn');
  bad(m, 'negative jobs', { jobsCreated: -1 }, 'input.jobsCreated');
  bad(m, 'jobs over 100000', { jobsCreated: 100_001 }, 'input.jobsCreated');
  bad(m, 'jobs as a string', { jobsCreated: '3' }, { mentions: 'input.jobsCreated' });

  m = 'issueLoan';
  bad(m, 'zero yuan', { amountYuan: 0 }, 'input.amountYuan');
  bad(m, 'negative amount', { amountYuan: -50_000 }, 'input.amountYuan');
  bad(m, 'below 1000 yuan', { amountYuan: 999 }, 'input.amountYuan');
  bad(m, 'over the 150000 cap', { amountYuan: 150_001 }, 'input.amountYuan');
  bad(m, 'far over the cap', { amountYuan: 1_000_000 }, 'input.amountYuan');
  bad(m, `over the borrower's remaining cap (${150_000 - nearCapSum} left)`, { borrowerId: String(nearCap), ventureId: null, amountYuan: 150_000 - nearCapSum + 1000 }, 'input.amountYuan');
  bad(m, 'fractional yuan', { amountYuan: 1000.5 }, { mentions: 'input.amountYuan' });
  bad(m, 'amount beyond 32 bits', { amountYuan: 2 ** 31 }, { mentions: 'input.amountYuan' });
  bad(m, 'unknown borrower', { borrowerId: '9999999', ventureId: null }, 'input.borrowerId');
  bad(m, 'borrower id not a number', { borrowerId: 'abc', ventureId: null }, 'input.borrowerId');
  bad(m, 'venture of someone else', { ventureId: String(otherVenture.id) }, 'input.ventureId');
  bad(m, 'unknown venture', { ventureId: '9999999' }, 'input.ventureId');
  bad(m, 'blank bank', { bank: '' }, 'input.bank');
  bad(m, 'bank of 101 characters', { bank: long(101) }, 'input.bank');
  bad(m, 'issuedOn tomorrow', { issuedOn: TOMORROW }, 'input.issuedOn');
  bad(m, 'issuedOn 31 April', { issuedOn: '2021-04-31' }, 'input.issuedOn');

  m = 'recordFollowUp';
  bad(m, 'unknown trainee', { traineeId: '9999999' }, 'input.traineeId');
  bad(m, 'unknown mentor', { mentorId: '9999999' }, 'input.mentorId');
  bad(m, 'mentor id not a number', { mentorId: 'x1' }, 'input.mentorId');
  bad(m, 'blank helpGiven', { helpGiven: '  ' }, 'input.helpGiven');
  bad(m, 'helpGiven of 501 characters', { helpGiven: long(501) }, 'input.helpGiven');
  bad(m, 'unknown business status', { businessStatus: 'BANKRUPT' }, { mentions: 'input.businessStatus' });
  bad(m, 'visitedOn in the future', { visitedOn: '2999-12-31' }, 'input.visitedOn');
  bad(m, 'visitedOn before 2000', { visitedOn: '1998-06-01' }, 'input.visitedOn');

  page('hr', 'trainees', { first: 501 }, 'first');
  page('hr', 'trainees', { first: 0 }, 'first');
  page('hr', 'trainees', { filter: { regionCode: '999999' } }, 'filter.regionCode');
  page('hr', 'ventures', { first: -1 }, 'first');

  // ---- agriculture ----------------------------------------------------------------------
  m = 'createPark';
  bad(m, 'blank name', { name: '' }, 'input.name');
  bad(m, 'name of 101 characters', { name: long(101) }, 'input.name');
  bad(m, 'missing name', without('name'), { mentions: 'name' });
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'region outside Jiangsu (110101)', { regionCode: '110101' }, 'input.regionCode');
  bad(m, 'region not six digits', { regionCode: '32010' }, 'input.regionCode');
  bad(m, 'unknown level', { level: 'VILLAGE' }, { mentions: 'input.level' });
  bad(m, 'openedOn tomorrow', { openedOn: TOMORROW }, 'input.openedOn');
  bad(m, 'openedOn before 2000', { openedOn: '1999-12-31' }, 'input.openedOn');
  bad(m, 'openedOn 29 February 2021', { openedOn: '2021-02-29' }, 'input.openedOn');
  bad(m, 'zero capacity', { capacity: 0 }, 'input.capacity');
  bad(m, 'negative capacity', { capacity: -5 }, 'input.capacity');
  bad(m, 'capacity over 10000', { capacity: 10_001 }, 'input.capacity');
  bad(m, 'fractional capacity', { capacity: 2.5 }, { mentions: 'input.capacity' });
  bad(m, 'no industries', { industries: [] }, 'input.industries');
  bad(m, 'eleven industries', { industries: Array.from({ length: 11 }, (_, i) => `行业${i}`) }, 'input.industries');
  bad(m, 'a blank industry', { industries: ['农村电商', ' '] }, 'input.industries');
  bad(m, 'an industry of 51 characters', { industries: [long(51)] }, 'input.industries');
  bad(m, 'an industry repeated', { industries: ['农村电商', ' 农村电商'] }, 'input.industries');

  m = 'admitVenture';
  bad(m, 'unknown park', { parkId: '9999999' }, 'input.parkId');
  bad(m, 'park id not a number', { parkId: 'abc' }, 'input.parkId');
  bad(m, 'venture id zero', { ventureId: '0' }, 'input.ventureId');
  bad(m, 'entered before the park opened', { enteredOn: '2000-01-01' }, 'input.enteredOn');
  bad(m, 'venture already resident in a park', { ventureId: String(resident.ventureId) }, 'input.ventureId');
  bad(m, 'entered before leaving its previous park', { ventureId: String(left.ventureId), enteredOn: park.openedOn > left.enteredOn ? park.openedOn : left.enteredOn }, 'input.enteredOn');
  bad(m, 'park full', (base, f) => ({ ...base, parkId: f.fullParkId }), 'input.parkId');
  bad(m, 'enteredOn tomorrow', { enteredOn: TOMORROW }, 'input.enteredOn');
  bad(m, 'enteredOn not a date', { enteredOn: 'yesterday' }, 'input.enteredOn');

  m = 'releaseVenture';
  bad(m, 'unknown park', { parkId: '9999999' }, 'input.parkId');
  bad(m, 'park id not a number', { parkId: '1.5' }, 'input.parkId');
  bad(m, 'venture resident in another park', { parkId: String(agriculture.parks.find((p) => p.id !== resident.parkId)!.id) }, 'input.ventureId');
  bad(m, 'venture already left', { parkId: String(left.parkId), ventureId: String(left.ventureId) }, 'input.ventureId');
  bad(m, 'venture never admitted', { ventureId: String(newcomer.id) }, 'input.ventureId');
  bad(m, 'left before it entered', { leftOn: '2000-01-01' }, 'input.leftOn');
  bad(m, 'leftOn tomorrow', { leftOn: TOMORROW }, 'input.leftOn');

  page('agriculture', 'incubatorParks', { first: 501 }, 'first');
  page('agriculture', 'incubatorParks', { filter: { regionCode: '110101' } }, 'filter.regionCode');

  // ---- poverty --------------------------------------------------------------------------
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

  // ---- youth-league ---------------------------------------------------------------------
  m = 'publishStory';
  bad(m, 'blank title', { title: '' }, 'input.title');
  bad(m, 'title of 101 characters', { title: long(101) }, 'input.title');
  bad(m, 'blank summary', { summary: '   ' }, 'input.summary');
  bad(m, 'summary of 2001 characters', { summary: long(2001) }, 'input.summary');
  bad(m, 'person key too short', { protagonistPersonKey: 'pk_123' }, 'input.protagonistPersonKey');
  bad(m, 'person key in upper case', { protagonistPersonKey: trainee.personKey.toUpperCase() }, 'input.protagonistPersonKey');
  bad(m, 'person key without its prefix', { protagonistPersonKey: trainee.personKey.slice(3) }, 'input.protagonistPersonKey');
  bad(m, 'a citizen ID instead of a person key', { protagonistPersonKey: trainee.citizenId }, 'input.protagonistPersonKey');
  bad(m, 'blank protagonist name', { protagonistName: '' }, 'input.protagonistName');
  bad(m, 'venture id not a number', { ventureId: 'abc' }, 'input.ventureId');
  bad(m, 'venture id zero', { ventureId: '0' }, 'input.ventureId');
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'region 999999', { regionCode: '999999' }, 'input.regionCode');
  bad(m, 'unknown channel', { channel: 'RADIO' }, { mentions: 'input.channel' });
  bad(m, 'publishedOn tomorrow', { publishedOn: TOMORROW }, 'input.publishedOn');
  bad(m, 'publishedOn 30 February', { publishedOn: '2020-02-30' }, 'input.publishedOn');
  bad(m, 'publishedOn before 2000', { publishedOn: '1999-01-01' }, 'input.publishedOn');

  m = 'grantAward';
  bad(m, 'person key malformed', { personKey: 'pk_xyz' }, 'input.personKey');
  bad(m, 'blank recipient name', { recipientName: ' ' }, 'input.recipientName');
  bad(m, 'recipient name of 51 characters', { recipientName: long(51) }, 'input.recipientName');
  bad(m, 'blank title', { title: '' }, 'input.title');
  bad(m, 'title of 51 characters', { title: long(51) }, 'input.title');
  bad(m, 'unknown level', { level: 'GLOBAL' }, { mentions: 'input.level' });
  bad(m, 'year before 2000', { year: 1999 }, 'input.year');
  bad(m, 'year next year', { year: NEXT_YEAR }, 'input.year');
  bad(m, 'year as a string', { year: '2020' }, { mentions: 'input.year' });
  bad(m, 'region a city code (320300)', { regionCode: '320300' }, 'input.regionCode');
  bad(m, 'region not six digits', { regionCode: '32010' }, 'input.regionCode');
  bad(m, 'region the province code (320000)', { regionCode: '320000' }, 'input.regionCode');
  bad(m, 'the same award twice in a year', { personKey: award.personKey, title: award.title, year: award.year }, 'input.title');
  bad(m, 'the same award twice, title padded', { personKey: award.personKey, title: ` ${award.title} `, year: award.year }, 'input.title');

  page('youth-league', 'awards', { first: 501 }, 'first');
  page('youth-league', 'successStories', { first: 0 }, 'first');
  page('youth-league', 'awards', { filter: { regionCode: '999999' } }, 'filter.regionCode');

  // ---- womens-federation ----------------------------------------------------------------
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

  return { cases, BASE, FIXTURES };
}
