/**
 * HR's people: trainees, their enrolments and, for those who pass, their ventures. One
 * trainee at a time, so other departments can react (household, support case, story)
 * without the generator keeping per-trainee state for a million people.
 */
import type { Trainee, TraineeCategory, TraineeStage } from './world';
import type { Context, VentureEvent } from './context';
import { DATA_CUTOFF, PLAN_START, dayOf, isoOf, yearOfDay } from './dates';
import { lowerBound, type CourseIndex } from './hr-catalogue';
import { openVenture } from './hr-ventures';
import { flatten } from './people';
import { WeightedTable } from './rng';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';

const CATEGORY_TABLE = new WeightedTable<TraineeCategory>(
  ['MIGRANT_WORKER', 'REGISTERED_POOR', 'COLLEGE_GRADUATE', 'VETERAN'], [55, 20, 15, 10]);
// Chosen so that about 40 % of all trainees are women while veterans are mostly men.
const FEMALE_SHARE: Record<TraineeCategory, number> = {
  MIGRANT_WORKER: 0.4, REGISTERED_POOR: 0.5, COLLEGE_GRADUATE: 0.5, VETERAN: 0.1,
};
const STAGE_TABLE = new WeightedTable<TraineeStage>(['AWARENESS', 'STARTUP', 'GROWTH'], [50, 35, 15]);
// The programme grows over the plan, so later years train a little more.
const YEAR_TABLE = new WeightedTable([2016, 2017, 2018, 2019, 2020], [0.8, 0.9, 1, 1.1, 1.2]);
const SATISFACTION_WEIGHTS = [2, 4, 12, 37, 45];
const OWN_COUNTY_SHARE = 0.85;
const SECOND_ENROLMENT_SHARE = 0.4;
const COMPLETION_RATE = 0.92;
/** Openers who open within the six-month window; the rest open later, up to two years. */
const WITHIN_WINDOW_SHARE = 0.88;
const SECOND_VENTURE_SHARE = 0.2; // of GROWTH-stage founders

export interface TraineeOutcome {
  trainee: Trainee;
  countyIndex: number;
  ventures: VentureEvent[];
}

export interface TraineeHooks {
  venture(event: VentureEvent): void;
  trainee(outcome: TraineeOutcome): void;
}

/** Trainees generated between two pauses of a generation in steps (see generateWorldInSteps). */
const TRAINEES_PER_STEP = 250;

/**
 * Generates the trainees, pausing (yielding) after every TRAINEES_PER_STEP of them, each with
 * its enrolments and ventures complete, so a seeding can load the trainees generated so far
 * while the rest are generated. Pausing draws nothing from the RNG: the world is the same.
 */
export function* generateTrainees(ctx: Context, courses: CourseIndex, mentorsByCity: number[][], hooks: TraineeHooks): Generator<undefined, void> {
  const { rng, geo, world } = ctx;
  const certificateSeq = new Map<number, number>();
  const satisfaction = new WeightedTable([1, 2, 3, 4, 5], SATISFACTION_WEIGHTS);
  // Institutions differ a little: a good one nudges some scores up a point, a poor one down.
  const satisfactionScore = (quality: number): number => {
    const nudge = rng.chance(Math.abs(quality)) ? Math.sign(quality) : 0;
    return Math.min(5, Math.max(1, satisfaction.pick(rng) + nudge));
  };
  const everyCounty = ctx.traineeCount >= geo.counties.length;

  const courseCounty = (countyIndex: number): number =>
    rng.chance(OWN_COUNTY_SHARE) ? countyIndex : rng.pick(geo.cities[geo.counties[countyIndex].cityIndex].counties);

  /** Returns the completion day, or -1 if the trainee dropped out; `passed` via the array. */
  const enrol = (traineeId: number, courseId: number, enrolledDay: number, passRate: number, passed: boolean[]): number => {
    const endDay = courses.endDay[courseId - 1];
    const completed = rng.chance(COMPLETION_RATE);
    const pass = completed && rng.chance(passRate);
    let certificateNo: string | null = null;
    if (pass) {
      const year = yearOfDay(endDay);
      const seq = (certificateSeq.get(year) ?? 0) + 1;
      certificateSeq.set(year, seq);
      certificateNo = flatten(`JS${year}-${String(seq).padStart(6, '0')}`);
    }
    world.hr.enrolments.push({
      id: world.hr.enrolments.length + 1, traineeId, courseId, enrolledOn: isoOf(enrolledDay),
      completedOn: completed ? isoOf(endDay) : null, passed: completed ? pass : null, certificateNo,
      satisfaction: completed ? satisfactionScore(courses.institutionQuality[courseId - 1]) : null,
    });
    passed.push(pass);
    return completed ? endDay : -1;
  };

  for (let i = 0; i < ctx.traineeCount; i++) {
    if (i > 0 && i % TRAINEES_PER_STEP === 0) yield;
    // The first 104 trainees cover every county once; the rest follow the county weights.
    const countyIndex = everyCounty && i < geo.counties.length ? i : geo.countyTable.pick(rng);
    const county = geo.counties[countyIndex];

    const firstCounty = courseCounty(countyIndex);
    const year = YEAR_TABLE.pick(rng);
    const starts = courses.startsByCounty[firstCounty];
    const lo = lowerBound(starts, dayOf(year));
    const hi = lowerBound(starts, dayOf(year + 1));
    const firstCourse = courses.idsByCounty[firstCounty][rng.int(lo, hi - 1)];
    const firstStart = courses.startDay[firstCourse - 1];
    const enrolledDay = Math.max(PLAN_START, firstStart - rng.int(3, 30));
    const registeredDay = Math.max(PLAN_START, enrolledDay - rng.int(0, 60));
    const registeredYear = yearOfDay(registeredDay);

    const category = CATEGORY_TABLE.pick(rng);
    const gender = rng.chance(FEMALE_SHARE[category]) ? 'FEMALE' : 'MALE';
    const [minYear, maxYear] = birthYears(category, registeredYear);
    const birthYear = rng.int(minYear, maxYear);
    const birthDay = dayOf(birthYear) + rng.int(0, dayOf(birthYear + 1) - dayOf(birthYear) - 1);
    const person = ctx.people.make(countyIndex, birthDay, gender);
    const stage = STAGE_TABLE.pick(rng);
    const trainee: Trainee = {
      id: world.hr.trainees.length + 1, citizenId: person.citizenId, personKey: person.personKey,
      name: person.name, phone: person.phone, gender, birthYear: person.birthYear, regionCode: county.code,
      category, stage, registeredOn: isoOf(registeredDay),
    };
    world.hr.trainees.push(trainee);

    const passed: boolean[] = [];
    let firstCompletion = enrol(trainee.id, firstCourse, enrolledDay, county.passRate, passed);
    if (rng.chance(SECOND_ENROLMENT_SHARE)) {
      const secondCounty = courseCounty(countyIndex);
      const secondStarts = courses.startsByCounty[secondCounty];
      const firstEnd = courses.endDay[firstCourse - 1];
      const from = lowerBound(secondStarts, firstEnd + 1);
      const to = lowerBound(secondStarts, firstEnd + 366);
      if (to > from) {
        const course = courses.idsByCounty[secondCounty][rng.int(from, to - 1)];
        const day = Math.max(registeredDay, courses.startDay[course - 1] - rng.int(3, 30));
        const completion = enrol(trainee.id, course, day, county.passRate, passed);
        if (firstCompletion < 0) firstCompletion = completion;
      }
    }

    const ventures: VentureEvent[] = [];
    if (passed.includes(true) && rng.chance(openingProbability(county.passRate, county.openingRate))) {
      let openedDay = firstCompletion + rng.int(0, OPENING_WINDOW_DAYS);
      if (!rng.chance(WITHIN_WINDOW_SHARE) && DATA_CUTOFF - firstCompletion > OPENING_WINDOW_DAYS) {
        openedDay = firstCompletion + rng.int(OPENING_WINDOW_DAYS + 1, Math.min(730, DATA_CUTOFF - firstCompletion));
      }
      ventures.push(openVenture(ctx, trainee, countyIndex, openedDay, mentorsByCity));
      if (stage === 'GROWTH' && rng.chance(SECOND_VENTURE_SHARE)) {
        const secondDay = openedDay + rng.int(60, 700);
        if (secondDay <= DATA_CUTOFF) ventures.push(openVenture(ctx, trainee, countyIndex, secondDay, mentorsByCity));
      }
      for (const v of ventures) hooks.venture(v);
    }
    hooks.trainee({ trainee, countyIndex, ventures });
  }
}

/** Birth-year range by category, inside 1965–2002 and at least 18 at registration. */
function birthYears(category: TraineeCategory, registeredYear: number): [number, number] {
  const [youngest, oldest] =
    category === 'COLLEGE_GRADUATE' ? [21, 30] : category === 'VETERAN' ? [22, 40] : [18, 51];
  return [Math.max(1965, registeredYear - oldest), Math.min(2002, registeredYear - youngest)];
}

/**
 * Chance that a trainee who passed opens a venture, so that the county's trained cohort
 * (passed or not) opens within six months at about its intended rate. The cohort share
 * that passed anything is roughly the pass rate plus second-enrolment re-takers.
 */
function openingProbability(passRate: number, openingRate: number): number {
  const passedAnything = passRate + (1 - passRate) * passRate * SECOND_ENROLMENT_SHARE * 0.85;
  return Math.min(0.97, openingRate / (passedAnything * WITHIN_WINDOW_SHARE));
}
