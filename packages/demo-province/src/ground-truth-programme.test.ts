import { PROVINCE_CODE } from '@rg/regions';
import { generateWorld } from './generate';
import { expectedEligibilityFindings, expectedLeagueTable, expectedProgramme } from './ground-truth-programme';
import { DEBARRED_INSTITUTIONS, DOUBLE_SUBSIDIES } from './hr-institutions';
import { LOANS_ABOVE_CAP, LOANS_WITHOUT_VENTURE } from './hr-outcomes';
import { emptyWorld } from './context';
import type { FollowUp, Loan, Trainee, World } from './world';

const FENG = '320321';
const XUZHOU = '320300';

function trainee(id: number, category: Trainee['category'] = 'MIGRANT_WORKER'): Trainee {
  return {
    id, citizenId: `id${id}`, personKey: `pk_${id}`, name: `t${id}`, phone: '1', gender: 'MALE', birthYear: 1990,
    regionCode: FENG, category, stage: 'STARTUP', registeredOn: '2017-01-01',
  };
}
const visit = (id: number, traineeId: number, visitedOn: string, extra: Partial<FollowUp>): FollowUp => ({
  id, traineeId, mentorId: null, visitedOn, businessStatus: 'OPERATING', helpGiven: 'h', employed: null, jobs: null, outputValueYuan: null, ...extra,
});
const loan = (id: number, borrowerId: number, amountYuan: number, issuedOn: string, ventureId: number | null): Loan => ({
  id, borrowerId, ventureId, amountYuan, bank: 'b', issuedOn, interestSubsidised: true, repaidOn: null,
  guaranteeType: 'PARK', interestSubsidyYuan: 0, defaultedOn: null,
});

/** Trainees 1–4 first complete on 2018-03-01 (courses of institutions 1 and 2); 1 opens a business. */
function tinyWorld(): World {
  const world = emptyWorld();
  const hr = world.hr;
  hr.institutions.push({ id: 1, name: 'a', regionCode: FENG, ownership: 'PUBLIC' }, { id: 2, name: 'b', regionCode: FENG, ownership: 'PRIVATE' });
  hr.courses.push(
    { id: 1, institutionId: 1, type: 'SYB', name: 'c', regionCode: FENG, startsOn: '2018-01-01', endsOn: '2018-03-01' },
    { id: 2, institutionId: 2, type: 'SYB', name: 'd', regionCode: FENG, startsOn: '2018-01-01', endsOn: '2018-03-01' },
  );
  hr.trainees.push(trainee(1, 'REGISTERED_POOR'), trainee(2, 'REGISTERED_POOR'), trainee(3), trainee(4));
  const done = (id: number, traineeId: number, courseId: number, passed: boolean, satisfaction: number | null) => hr.enrolments.push({
    id, traineeId, courseId, enrolledOn: '2018-01-01', completedOn: '2018-03-01', passed, certificateNo: null, satisfaction,
  });
  done(1, 1, 1, true, 5); done(2, 2, 1, false, 2); done(3, 3, 2, true, null); done(4, 4, 2, true, 4);
  hr.ventures.push({ id: 1, founderId: 1, name: 'v', industry: 'x', regionCode: FENG, openedOn: '2018-08-31', jobsCreated: 3, closedOn: null });
  hr.followUps.push(
    visit(1, 1, '2018-05-01', { jobs: 1, outputValueYuan: 100 }),
    visit(2, 1, '2018-08-31', { jobs: 3, outputValueYuan: 300 }), // day 183: still the six-month wave, and its latest visit
    visit(3, 1, '2019-03-01', { jobs: 4, outputValueYuan: 900 }), // day 365: the twelve-month wave
    visit(4, 2, '2019-03-02', { employed: true }), // day 366: outside both waves
    visit(5, 3, '2018-12-01', { employed: true, businessStatus: 'PREPARING' }),
  );
  hr.surveyResponses.push(
    { id: 1, personKey: 'pk_1', gender: 'MALE', regionCode: FENG, surveyedOn: '2018-01-05', surveyedBy: 's', returnedOn: null, intendsToStart: true, intendsToTrain: true, desiredIndustry: null, needs: null },
    { id: 2, personKey: 'pk_9', gender: 'MALE', regionCode: FENG, surveyedOn: '2018-02-05', surveyedBy: 's', returnedOn: null, intendsToStart: true, intendsToTrain: true, desiredIndustry: null, needs: null },
    { id: 3, personKey: 'pk_3', gender: 'MALE', regionCode: FENG, surveyedOn: '2018-02-05', surveyedBy: 's', returnedOn: null, intendsToStart: true, intendsToTrain: false, desiredIndustry: null, needs: null },
  );
  hr.subsidies.push(
    { id: 1, enrolmentId: 1, kind: 'COMPLETION', amountYuan: 1200, paidOn: '2018-04-01' },
    { id: 2, enrolmentId: 1, kind: 'RESULT', amountYuan: 300, paidOn: '2018-04-01' },
    { id: 3, enrolmentId: 1, kind: 'COMPLETION', amountYuan: 1200, paidOn: '2018-06-01' }, // the same again
  );
  hr.debarments.push({ id: 1, institutionId: 2, debarredOn: '2019-01-01', reason: 'r' });
  hr.loans.push(loan(1, 1, 100_000, '2018-09-01', 1), loan(2, 1, 60_000, '2018-10-01', 1), loan(3, 3, 20_000, '2018-10-01', null));
  world.poverty.households.push({ id: 7, householdNo: 'h', regionCode: FENG, size: 2, cause: 'ILLNESS', registeredYear: 2017, exitedYear: null, perCapitaIncomeYuan: 1 });
  world.poverty.members.push(
    { id: 70, householdId: 7, citizenId: 'id1', personKey: 'pk_1', name: 'a', gender: 'MALE', birthYear: 1990, relation: 'HEAD' },
    { id: 71, householdId: 7, citizenId: 'id4', personKey: 'pk_4', name: 'b', gender: 'MALE', birthYear: 1990, relation: 'CHILD' },
  );
  return world;
}

describe('programme ground truth on a hand-made world', () => {
  it('counts the survey wishes met and the follow-up waves, edge days included', () => {
    const { values, counts } = expectedProgramme(tinyWorld(), XUZHOU, 2018);
    expect(counts).toEqual({
      wishingToTrain: 2, wishingToTrainTrained: 1, followUpCohort: 4, visitedWithin6m: 1, visitedWithin12m: 2,
      nonFounders: 3, nonFoundersEmployed: 1, reported6m: 1, reported12m: 1,
    });
    expect(values).toMatchObject({
      trainingWishesMet: 0.5, followUpCoverage6m: 0.25, followUpCoverage12m: 0.5, nonFounderEmploymentRate: 1 / 3,
      followUpJobs6m: 3, followUpOutputYuan6m: 300, followUpJobs12m: 4, followUpOutputYuan12m: 900,
    });
  });

  it('ranks institutions by each measure', () => {
    const byPass = expectedLeagueTable(tinyWorld(), XUZHOU, 2018, 'PASS_RATE');
    expect(byPass.map((r) => r.institutionId)).toEqual([2, 1]);
    expect(byPass[0]).toMatchObject({ completions: 2, passes: 2, venturesWithin6m: 0, satisfaction: 4, debarred: false });
    expect(expectedLeagueTable(tinyWorld(), XUZHOU, 2019, 'PASS_RATE')).toEqual([]);
    expect(expectedLeagueTable(tinyWorld(), XUZHOU, 2018, 'VENTURE_RATE').map((r) => r.institutionId)).toEqual([1, 2]);
    expect(expectedLeagueTable(tinyWorld(), XUZHOU, 2018, 'SATISFACTION').map((r) => r.institutionId)).toEqual([2, 1]);
  });

  it('finds each kind of eligibility problem with both departments\' ids', () => {
    expect(expectedEligibilityFindings(tinyWorld(), XUZHOU, 2018)).toEqual([
      { kind: 'DECLARED_POOR_NOT_IN_REGISTRY', traineeId: 2, loanId: null, subsidyId: null, householdId: null, memberId: null },
      { kind: 'DOUBLE_TRAINING_SUBSIDY', traineeId: 1, loanId: null, subsidyId: 3, householdId: 7, memberId: 70 },
      { kind: 'LOAN_ABOVE_CAP', traineeId: 1, loanId: 2, subsidyId: null, householdId: 7, memberId: 70 },
      { kind: 'LOAN_WITHOUT_VENTURE', traineeId: 3, loanId: 3, subsidyId: null, householdId: null, memberId: null },
      { kind: 'REGISTRY_POOR_OTHER_CATEGORY', traineeId: 4, loanId: null, subsidyId: null, householdId: 7, memberId: 71 },
    ]);
  });
});

describe('the generated programme records', () => {
  const world = generateWorld({ trainees: 2000, seed: 11 });

  it('plants each kind of finding in known numbers', () => {
    const all = [2016, 2017, 2018, 2019, 2020, 2021].flatMap((y) => expectedEligibilityFindings(world, PROVINCE_CODE, y));
    const count = (kind: string) => all.filter((f) => f.kind === kind).length;
    expect(count('DOUBLE_TRAINING_SUBSIDY')).toBeGreaterThanOrEqual(DOUBLE_SUBSIDIES);
    // Founders of two businesses can pass the cap with two ordinary loans; the planted ones come on top.
    expect(count('LOAN_ABOVE_CAP')).toBeGreaterThanOrEqual(LOANS_ABOVE_CAP);
    expect(count('LOAN_WITHOUT_VENTURE')).toBe(LOANS_WITHOUT_VENTURE);
    expect(count('DECLARED_POOR_NOT_IN_REGISTRY')).toBeGreaterThan(0);
    expect(count('REGISTRY_POOR_OTHER_CATEGORY')).toBeGreaterThan(0);
    expect(world.hr.debarments).toHaveLength(DEBARRED_INSTITUTIONS);
  });

  it('surveys trainees and returnees who never trained, and records loan outcomes', () => {
    const trainees = new Set(world.hr.trainees.map((t) => t.personKey));
    expect(world.hr.surveyResponses.filter((r) => !trainees.has(r.personKey))).toHaveLength(300);
    expect(world.hr.loans.every((l) => l.guaranteeType !== null)).toBe(true);
    expect(world.hr.loans.some((l) => l.defaultedOn !== null)).toBe(true);
    expect(world.hr.loans.every((l) => l.defaultedOn === null || l.repaidOn === null)).toBe(true);
    const wishes = expectedProgramme(world, PROVINCE_CODE, 2019).values.trainingWishesMet;
    expect(wishes).toBeGreaterThan(0.2);
    expect(wishes).toBeLessThan(1);
  });

  it('leaves the records generated before it unchanged', () => {
    const before = generateWorld({ trainees: 2000, seed: 11 });
    expect(before.hr.trainees).toEqual(world.hr.trainees);
    expect(before.hr.enrolments).toEqual(world.hr.enrolments);
  });
});
