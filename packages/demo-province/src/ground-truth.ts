/**
 * What the scorecard must answer for a generated world, computed the plain way: straight
 * over the record arrays, with none of the generator's internals. Federated queries are
 * tested against this, so it favours obviousness over speed.
 */
import { countiesUnder } from '@rg/regions';
import { ratio, OPENING_WINDOW_DAYS, SURVIVAL_DAYS, type IndicatorName } from '@rg/scorecard';
import { expectedTarget } from './expected-targets';
import type { Trainee, World } from './world';
import { expectedEligibilityFindings, expectedProgramme } from './ground-truth-programme';
import { expectedSupportPriority } from './ground-truth-priority';

/** The day the demo province is "as of": no record is dated later, and the scorecard is judged on it. */
export const DEMO_REFERENCE_DATE = '2021-12-31';

/** An indicator's expected value (null: its cohort is not old enough to measure yet), target and judgement. */
export interface IndicatorValue {
  value: number | null;
  target: number | null;
  met: boolean | null;
}

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function inYear(iso: string | null, year: number): boolean {
  return iso !== null && iso.startsWith(`${year}-`);
}

/**
 * The counts of people (and records about people) each indicator rests on, for a region and
 * year: what disclosure control judges. `borrowers` are the people lent to in the year.
 */
export interface ScorecardCounts {
  trained: number;
  completions: number;
  passes: number;
  /** First trained in the year, and six months had passed by the reference date. */
  firstTrained: number;
  openedWithin6m: number;
  ventures: number;
  /** Ventures of the year at least a year old on the reference date. */
  survivalCohort: number;
  borrowers: number;
  womenTrained: number;
  poorTrainees: number;
  poorWomen: number;
  poorWomenSupported: number;
  casesOpened: number;
}

export function expectedScorecard(
  world: World, regionCode: string, year: number, referenceDate = DEMO_REFERENCE_DATE,
): Record<IndicatorName, IndicatorValue> {
  return tally(world, regionCode, year, referenceDate).indicators;
}

export function expectedScorecardCounts(world: World, regionCode: string, year: number, referenceDate = DEMO_REFERENCE_DATE): ScorecardCounts {
  return tally(world, regionCode, year, referenceDate).counts;
}

/**
 * Why each indicator is not judged although it has a value (or why it has none though nobody
 * is withheld): its cohort is not old enough yet, or no target is set for the region and year.
 * null when it is judged. Disclosure control's reasons come first and are the tests' own.
 */
export function expectedScorecardNotes(
  world: World, regionCode: string, year: number, referenceDate = DEMO_REFERENCE_DATE,
): Record<IndicatorName, string | null> {
  return tally(world, regionCode, year, referenceDate).notes;
}

interface Tally {
  indicators: Record<IndicatorName, IndicatorValue>;
  counts: ScorecardCounts;
  notes: Record<IndicatorName, string | null>;
}

function tally(world: World, regionCode: string, year: number, referenceDate: string): Tally {
  const reference = utcDay(referenceDate);
  const counties = new Set(countiesUnder(regionCode));
  const traineesById = new Map<number, Trainee>();
  for (const t of world.hr.trainees) traineesById.set(t.id, t);
  const inRegion = (traineeId: number) => counties.has(traineesById.get(traineeId)?.regionCode ?? '');

  // trained and passRate: completions in the year; openingRate6m: first completion ever.
  const cohort = new Set<number>();
  let completions = 0;
  let passes = 0;
  const firstCompletion = new Map<number, string>();
  for (const e of world.hr.enrolments) {
    if (e.completedOn === null || !inRegion(e.traineeId)) continue;
    const first = firstCompletion.get(e.traineeId);
    if (first === undefined || e.completedOn < first) firstCompletion.set(e.traineeId, e.completedOn);
    if (!inYear(e.completedOn, year)) continue;
    cohort.add(e.traineeId);
    completions++;
    if (e.passed) passes++;
  }

  const openingsByFounder = new Map<number, string[]>();
  for (const v of world.hr.ventures) {
    const list = openingsByFounder.get(v.founderId) ?? [];
    list.push(v.openedOn);
    openingsByFounder.set(v.founderId, list);
  }
  // Only trainees whose six months have passed by the reference date can be judged.
  let cohort6 = 0;
  let opened6 = 0;
  let tooRecent6 = 0;
  for (const [traineeId, first] of firstCompletion) {
    if (!inYear(first, year)) continue;
    const firstDay = utcDay(first);
    if (firstDay + OPENING_WINDOW_DAYS > reference) {
      tooRecent6++;
      continue;
    }
    cohort6++;
    const openings = openingsByFounder.get(traineeId) ?? [];
    if (openings.some((o) => utcDay(o) >= firstDay && utcDay(o) <= firstDay + OPENING_WINDOW_DAYS)) opened6++;
  }

  // Survival is judged only for ventures at least a year old on the reference date.
  let ventures = 0;
  let jobs = 0;
  let survivalCohort = 0;
  let survivors = 0;
  let tooRecent1y = 0;
  for (const v of world.hr.ventures) {
    if (!counties.has(v.regionCode) || !inYear(v.openedOn, year)) continue;
    ventures++;
    jobs += v.jobsCreated;
    if (utcDay(v.openedOn) + SURVIVAL_DAYS > reference) {
      tooRecent1y++;
      continue;
    }
    survivalCohort++;
    if (v.closedOn === null || utcDay(v.closedOn) > utcDay(v.openedOn) + SURVIVAL_DAYS) survivors++;
  }

  let loansYuan = 0;
  const borrowers = new Set<number>();
  for (const l of world.hr.loans) {
    if (!inYear(l.issuedOn, year) || !inRegion(l.borrowerId)) continue;
    loansYuan += l.amountYuan;
    borrowers.add(l.borrowerId);
  }

  let newParks = 0;
  for (const p of world.agriculture.parks) {
    // The plan's target is for returnee parks; other incubators opened in the year do not count.
    if (counties.has(p.regionCode) && inYear(p.openedOn, year) && p.kind === 'RETURNEE_PARK') newParks++;
  }

  // The registry decides who is poor, as of the year: registered in or before it.
  const registeredYear = new Map<number, number>();
  for (const h of world.poverty.households) registeredYear.set(h.id, h.registeredYear);
  const poorKeys = new Set<string>();
  for (const m of world.poverty.members) {
    if ((registeredYear.get(m.householdId) ?? Infinity) <= year) poorKeys.add(m.personKey);
  }
  const supportedKeys = new Set<string>();
  const yearEnd = `${year}-12-31`;
  for (const c of world.womensFederation.cases) if (c.openedOn <= yearEnd) supportedKeys.add(c.personKey);

  let poorTrainees = 0;
  let poorWomen = 0;
  let poorWomenSupported = 0;
  let womenTrained = 0;
  for (const id of cohort) {
    const t = traineesById.get(id)!;
    if (t.gender === 'FEMALE') womenTrained++;
    if (!poorKeys.has(t.personKey)) continue;
    poorTrainees++;
    if (t.gender !== 'FEMALE') continue;
    poorWomen++;
    if (supportedKeys.has(t.personKey)) poorWomenSupported++;
  }

  // Added to @rg/scorecard after the brief; read as the year's counts under the region.
  let storiesPublished = 0;
  for (const s of world.youthLeague.stories) if (counties.has(s.regionCode) && inYear(s.publishedOn, year)) storiesPublished++;
  let casesOpened = 0;
  for (const c of world.womensFederation.cases) if (counties.has(c.regionCode) && inYear(c.openedOn, year)) casesOpened++;

  const values: Record<IndicatorName, number | null> = {
    trained: cohort.size,
    passRate: ratio(passes, completions),
    openingRate6m: cohort6 === 0 && tooRecent6 > 0 ? null : ratio(opened6, cohort6),
    jobsPerVenture: ratio(jobs, ventures),
    survivalRate1y: survivalCohort === 0 && tooRecent1y > 0 ? null : ratio(survivors, survivalCohort),
    loansIssuedYuan: loansYuan,
    newParks,
    poorTraineeShare: ratio(poorTrainees, cohort.size),
    poorWomenTrainees: poorWomen,
    poorWomenSupportedShare: ratio(poorWomenSupported, poorWomen),
    storiesPublished,
    womenSupportCasesOpened: casesOpened,
    ...expectedProgramme(world, regionCode, year).values,
    eligibilityFindings: expectedEligibilityFindings(world, regionCode, year).length,
    ...expectedSupportPriority(world, regionCode, year).values,
  };
  const tooRecent: Partial<Record<IndicatorName, string>> = {};
  if (tooRecent6 > 0) {
    tooRecent.openingRate6m = `not judged: trainees first trained in ${year} whose six months had not passed by ${referenceDate} are not counted yet`;
  }
  if (tooRecent1y > 0) {
    tooRecent.survivalRate1y = `not judged: ventures opened in ${year} less than a year before ${referenceDate} are not counted yet`;
  }
  const indicators = {} as Record<IndicatorName, IndicatorValue>;
  const notes = {} as Record<IndicatorName, string | null>;
  for (const name of Object.keys(values) as IndicatorName[]) {
    const value = values[name];
    const target = expectedTarget(name, regionCode, year);
    const judged = value !== null && target !== null && !tooRecent[name];
    indicators[name] = { value, target, met: judged ? value >= target : null };
    notes[name] = tooRecent[name] ?? (target === null ? 'no policy target set for this region and year: reported, not judged' : null);
  }
  const counts: ScorecardCounts = {
    trained: cohort.size, completions, passes, firstTrained: cohort6, openedWithin6m: opened6, ventures, survivalCohort,
    borrowers: borrowers.size, womenTrained, poorTrainees, poorWomen, poorWomenSupported, casesOpened,
  };
  return { indicators, counts, notes };
}

export interface RegionFigures {
  traineeCount: number;
  ventureCount: number;
  jobsCreated: number;
  loansIssuedYuan: number;
  parkCount: number;
  poorHouseholdCount: number;
  /** Published stories only; drafts have no publishedOn. */
  storyCount: number;
  awardCount: number;
  womenSupportCaseCount: number;
  /** The people behind loansIssuedYuan (disclosure control). */
  borrowerCount: number;
  poorPopulation: number;
  exitedHouseholdCount: number;
  openWomenSupportCaseCount: number;
}

/** All-time totals of records under a region; loans count by the borrower's region. */
export function expectedRegionFigures(world: World, regionCode: string): RegionFigures {
  const counties = new Set(countiesUnder(regionCode));
  const traineeRegion = new Map<number, string>();
  for (const t of world.hr.trainees) traineeRegion.set(t.id, t.regionCode);
  const count = <T extends { regionCode: string }>(records: T[], keep: (r: T) => boolean = () => true) =>
    records.reduce((n, r) => (counties.has(r.regionCode) && keep(r) ? n + 1 : n), 0);

  let jobsCreated = 0;
  for (const v of world.hr.ventures) if (counties.has(v.regionCode)) jobsCreated += v.jobsCreated;
  let loansIssuedYuan = 0;
  const borrowers = new Set<number>();
  for (const l of world.hr.loans) {
    if (!counties.has(traineeRegion.get(l.borrowerId) ?? '')) continue;
    loansIssuedYuan += l.amountYuan;
    borrowers.add(l.borrowerId);
  }
  const households = new Set(world.poverty.households.filter((h) => counties.has(h.regionCode)).map((h) => h.id));

  return {
    traineeCount: count(world.hr.trainees),
    ventureCount: count(world.hr.ventures),
    jobsCreated,
    loansIssuedYuan,
    parkCount: count(world.agriculture.parks),
    poorHouseholdCount: count(world.poverty.households),
    storyCount: count(world.youthLeague.stories, (s) => s.publishedOn !== null),
    awardCount: count(world.youthLeague.awards),
    womenSupportCaseCount: count(world.womensFederation.cases),
    borrowerCount: borrowers.size,
    poorPopulation: world.poverty.members.filter((m) => households.has(m.householdId)).length,
    exitedHouseholdCount: count(world.poverty.households, (h) => h.exitedYear !== null),
    openWomenSupportCaseCount: count(world.womensFederation.cases, (c) => c.closedOn === null),
  };
}
