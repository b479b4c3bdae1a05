import { PROVINCE_CODE, allCities } from '@rg/regions';
import { generateWorld } from './generate';
import { expectedRegionFigures, expectedScorecard, expectedScorecardCounts, expectedScorecardNotes } from './ground-truth';
import { expectedTarget } from './expected-targets';
import type { Enrolment, Trainee, Venture, World } from './world';

const FENG = '320321'; // Feng County, Xuzhou
const PEI = '320322'; // Pei County, Xuzhou
const XUZHOU = '320300';

function trainee(id: number, regionCode: string, gender: Trainee['gender'] = 'MALE'): Trainee {
  return {
    id, citizenId: `id${id}`, personKey: `pk_${id}`, name: `t${id}`, phone: '13800000000', gender, birthYear: 1990,
    regionCode, category: 'MIGRANT_WORKER', stage: 'STARTUP', registeredOn: '2016-01-01',
  };
}
function enrolment(id: number, traineeId: number, completedOn: string | null, passed: boolean): Enrolment {
  return {
    id, traineeId, courseId: 1, enrolledOn: '2016-01-01', completedOn, passed: completedOn ? passed : null,
    certificateNo: null, satisfaction: null,
  };
}
function venture(id: number, founderId: number, regionCode: string, openedOn: string, closedOn: string | null, jobs = 4): Venture {
  return { id, founderId, name: 'v', industry: '餐饮', regionCode, openedOn, jobsCreated: jobs, closedOn };
}

const NO_LOAN_DETAIL = { guaranteeType: null, interestSubsidyYuan: null, defaultedOn: null };

/** A hand-made world whose answers are known, including the edge days. */
function tinyWorld(): World {
  return {
    hr: {
      institutions: [], courses: [], mentors: [], followUps: [],
      surveyResponses: [], designations: [], evaluations: [], debarments: [], subsidies: [],
      demonstrations: [], demonstrationReviews: [],
      trainees: [trainee(1, FENG), trainee(2, FENG, 'FEMALE'), trainee(3, PEI, 'FEMALE'), trainee(4, '320102')],
      enrolments: [
        enrolment(1, 1, '2018-03-01', true),
        enrolment(2, 1, '2019-05-01', true), // not in 2018's cohort6: first completion was earlier
        enrolment(3, 2, '2018-06-30', false),
        enrolment(4, 3, '2017-12-31', true),
        enrolment(5, 3, '2018-02-01', true), // trained in 2018 but first completed in 2017
        enrolment(6, 4, '2018-01-10', true), // Nanjing: outside Xuzhou
        enrolment(7, 2, null, false),
      ],
      ventures: [
        venture(1, 1, FENG, '2018-08-31', null, 6), // 183 days after 2018-03-01: inside the window
        venture(2, 2, FENG, '2018-12-31', '2019-12-31', 2), // 184 days: outside; closed on day 365 → not surviving
        venture(3, 3, PEI, '2018-01-01', '2019-01-02'), // closed on day 366 → survives
      ],
      loans: [
        { id: 1, borrowerId: 1, ventureId: 1, amountYuan: 50_000, bank: 'b', issuedOn: '2018-09-01', interestSubsidised: true, repaidOn: null, ...NO_LOAN_DETAIL },
        { id: 2, borrowerId: 4, ventureId: null, amountYuan: 70_000, bank: 'b', issuedOn: '2018-09-01', interestSubsidised: true, repaidOn: null, ...NO_LOAN_DETAIL },
      ],
    },
    agriculture: {
      parks: [
        { id: 1, name: 'p', regionCode: PEI, level: 'CITY', kind: 'RETURNEE_PARK', openedOn: '2018-05-01', capacity: 50, industries: ['a', 'b'] },
        { id: 2, name: 'm', regionCode: PEI, level: 'CITY', kind: 'OTHER_INCUBATOR', openedOn: '2018-06-01', capacity: 30, industries: ['a', 'b'] },
      ],
      residencies: [], projects: [],
    },
    poverty: {
      households: [
        { id: 1, householdNo: `${FENG}-2018-000001`, regionCode: FENG, size: 2, cause: 'ILLNESS', registeredYear: 2018, exitedYear: null, perCapitaIncomeYuan: 3000 },
        { id: 2, householdNo: `${PEI}-2019-000001`, regionCode: PEI, size: 2, cause: 'ILLNESS', registeredYear: 2019, exitedYear: null, perCapitaIncomeYuan: 3000 },
      ],
      members: [
        { id: 1, householdId: 1, citizenId: 'id2', personKey: 'pk_2', name: 't2', gender: 'FEMALE', birthYear: 1990, relation: 'HEAD' },
        { id: 2, householdId: 2, citizenId: 'id3', personKey: 'pk_3', name: 't3', gender: 'FEMALE', birthYear: 1990, relation: 'HEAD' },
      ],
    },
    youthLeague: { stories: [], awards: [] },
    womensFederation: {
      cases: [{
        id: 1, citizenId: 'id2', personKey: 'pk_2', name: 't2', regionCode: FENG, supportType: 'MENTORING',
        openedOn: '2018-12-31', closedOn: null, outcome: 'ONGOING', poorPriority: true,
      }],
    },
  };
}

describe('expectedScorecard', () => {
  it('answers the hand-made world, edge days included', () => {
    const s = expectedScorecard(tinyWorld(), XUZHOU, 2018);
    expect(s.trained.value).toBe(3);
    expect(s.passRate.value).toBeCloseTo(2 / 3);
    expect(s.openingRate6m.value).toBe(1 / 2); // trainees 1 and 2; only 1 opened within 183 days
    expect(s.jobsPerVenture.value).toBe(4); // (6 + 2 + 4) / 3
    expect(s.survivalRate1y.value).toBeCloseTo(2 / 3);
    expect(s.loansIssuedYuan.value).toBe(50_000);
    expect(s.newParks.value).toBe(1); // the maker space opened the same year is not a returnee park
    expect(s.poorTraineeShare.value).toBeCloseTo(1 / 3); // trainee 3's household registers in 2019
    expect(s.poorWomenTrainees.value).toBe(1);
    expect(s.poorWomenSupportedShare.value).toBe(1);
    expect(s.passRate).toMatchObject({ target: 0.8, met: false });
    expect(s.poorTraineeShare).toMatchObject({ target: null, met: null });

    const later = expectedScorecard(tinyWorld(), XUZHOU, 2019);
    expect(later.trained.value).toBe(1);
    expect(later.poorTraineeShare.value).toBe(0);
    expect(expectedScorecard(tinyWorld(), FENG, 2018).trained.value).toBe(2);
  });

  it('answers 0, not NaN, for an empty region-year', () => {
    const s = expectedScorecard(tinyWorld(), XUZHOU, 2016);
    for (const v of Object.values(s)) expect(v.value).toBe(0);
  });
});

describe('cohorts not yet old enough', () => {
  it('judges survival only on ventures a year old at the reference date, and says so', () => {
    const s = expectedScorecard(tinyWorld(), XUZHOU, 2018, '2019-06-30');
    // ventures 1 and 2 are younger than a year on 2019-06-30; venture 3 (opened 2018-01-01) survived its year
    expect(s.survivalRate1y).toEqual({ value: 1, target: 0.8, met: null });
    expect(expectedScorecardNotes(tinyWorld(), XUZHOU, 2018, '2019-06-30').survivalRate1y)
      .toBe('not judged: ventures opened in 2018 less than a year before 2019-06-30 are not counted yet');
    expect(expectedScorecardCounts(tinyWorld(), XUZHOU, 2018, '2019-06-30')).toMatchObject({ ventures: 3, survivalCohort: 1 });
    expect(s.openingRate6m).toEqual({ value: 1 / 2, target: 0.5, met: true }); // both trainees' six months have passed
  });

  it('judges openings only on trainees whose six months have passed, and gives no value when none has', () => {
    const s = expectedScorecard(tinyWorld(), XUZHOU, 2018, '2018-09-30');
    expect(s.openingRate6m).toEqual({ value: 1, target: 0.5, met: null }); // trainee 2's window runs to 2018-12-30
    expect(s.survivalRate1y).toEqual({ value: null, target: 0.8, met: null });
    const notes = expectedScorecardNotes(tinyWorld(), XUZHOU, 2018, '2018-09-30');
    expect(notes.openingRate6m).toBe('not judged: trainees first trained in 2018 whose six months had not passed by 2018-09-30 are not counted yet');
    expect(notes.passRate).toBeNull();
    expect(notes.poorTraineeShare).toBe('no policy target set for this region and year: reported, not judged');
  });
});

describe('expected targets', () => {
  it('sets counts per city, scaled to the province and split evenly over a city\'s counties, for the plan years only', () => {
    expect(expectedTarget('trained', XUZHOU, 2018)).toBe(1500);
    expect(expectedTarget('trained', PROVINCE_CODE, 2018)).toBe(19_500);
    expect(expectedTarget('trained', FENG, 2018)).toBe(137); // 1,500 over Xuzhou's 11 county-level divisions, rounded up
    expect(expectedTarget('loansIssuedYuan', XUZHOU, 2018)).toBe(20_000_000);
    expect(expectedTarget('newParks', PROVINCE_CODE, 2016)).toBe(4);
    expect(expectedTarget('newParks', XUZHOU, 2016)).toBeNull();
    expect(expectedTarget('passRate', FENG, 2021)).toBeNull();
    expect(expectedTarget('poorTraineeShare', PROVINCE_CODE, 2018)).toBeNull();
  });
});

describe('the counts disclosure control judges', () => {
  it('counts the people behind each indicator of the hand-made world', () => {
    expect(expectedScorecardCounts(tinyWorld(), XUZHOU, 2018)).toEqual({
      trained: 3, completions: 3, passes: 2, firstTrained: 2, openedWithin6m: 1, ventures: 3, survivalCohort: 3,
      borrowers: 1, // trainee 4's loan is Nanjing's
      womenTrained: 2, poorTrainees: 1, poorWomen: 1, poorWomenSupported: 1, casesOpened: 1,
    });
  });

  it('counts borrowers, registry members, exits and open cases under a region', () => {
    expect(expectedRegionFigures(tinyWorld(), XUZHOU)).toMatchObject({
      borrowerCount: 1, poorPopulation: 2, exitedHouseholdCount: 0, openWomenSupportCaseCount: 1,
    });
    expect(expectedRegionFigures(tinyWorld(), PEI)).toMatchObject({ borrowerCount: 0, poorPopulation: 1, openWomenSupportCaseCount: 0 });
  });
});

describe('ground truth over a generated world', () => {
  const world = generateWorld({ trainees: 2000, seed: 11 });

  it('adds up: cities sum to the province', () => {
    const province = expectedRegionFigures(world, PROVINCE_CODE);
    const cities = allCities().map((c) => expectedRegionFigures(world, c.code));
    for (const key of Object.keys(province) as (keyof typeof province)[]) {
      expect(cities.reduce((n, c) => n + c[key], 0)).toBe(province[key]);
    }
    expect(province.traineeCount).toBe(2000);
    expect(province.ventureCount).toBe(world.hr.ventures.length);
    expect(province.storyCount).toBe(world.youthLeague.stories.filter((s) => s.publishedOn).length);

    const trained = expectedScorecard(world, PROVINCE_CODE, 2019).trained.value;
    const byCity = allCities().reduce((n, c) => n + expectedScorecard(world, c.code, 2019).trained.value!, 0);
    expect(byCity).toBe(trained);
  });

  it('judges province park openings against four a year', () => {
    const s = expectedScorecard(world, PROVINCE_CODE, 2017);
    expect(s.newParks.target).toBe(4);
    expect(s.newParks.met).toBe(s.newParks.value! >= 4);
  });
});
