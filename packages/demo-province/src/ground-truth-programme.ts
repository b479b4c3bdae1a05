/**
 * Ground truth for hr's programme records — the survey, follow-up waves, the institution
 * league table and the eligibility cross-checks — computed straight over the record arrays.
 */
import { countiesUnder } from '@rg/regions';
import { FOLLOW_UP_WAVE_DAYS, LOAN_CAP_YUAN, OPENING_WINDOW_DAYS, ratio } from '@rg/scorecard';
import type { World } from './world';

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const inYear = (iso: string | null, year: number) => iso !== null && iso.startsWith(`${year}-`);

export interface ProgrammeCounts {
  wishingToTrain: number; wishingToTrainTrained: number; followUpCohort: number; visitedWithin6m: number; visitedWithin12m: number;
  nonFounders: number; nonFoundersEmployed: number; reported6m: number; reported12m: number;
}
export type ProgrammeIndicator = 'wishingToTrain' | 'trainingWishesMet' | 'followUpCoverage6m' | 'followUpCoverage12m'
  | 'nonFounderEmploymentRate' | 'followUpJobs6m' | 'followUpJobs12m' | 'followUpOutputYuan6m' | 'followUpOutputYuan12m';

function firstCompletions(world: World): Map<number, string> {
  const first = new Map<number, string>();
  for (const e of world.hr.enrolments) {
    if (e.completedOn !== null && (first.get(e.traineeId) ?? '9999') > e.completedOn) first.set(e.traineeId, e.completedOn);
  }
  return first;
}

export function expectedProgramme(world: World, regionCode: string, year: number): { values: Record<ProgrammeIndicator, number>; counts: ProgrammeCounts } {
  const counties = new Set(countiesUnder(regionCode));
  const hr = world.hr;
  const trainedInYear = new Set<string>();
  const keyOf = new Map(hr.trainees.map((t) => [t.id, t.personKey]));
  for (const e of hr.enrolments) if (inYear(e.completedOn, year)) trainedInYear.add(keyOf.get(e.traineeId)!);
  const wishing = new Set(hr.surveyResponses
    .filter((r) => counties.has(r.regionCode) && inYear(r.surveyedOn, year) && r.intendsToTrain).map((r) => r.personKey));
  const wishingTrained = [...wishing].filter((k) => trainedInYear.has(k)).length;

  const first = firstCompletions(world);
  const founders = new Set(hr.ventures.map((v) => v.founderId));
  const cohort = new Map<number, number>();
  for (const t of hr.trainees) {
    const f = first.get(t.id);
    if (counties.has(t.regionCode) && f !== undefined && inYear(f, year)) cohort.set(t.id, day(f));
  }
  const within6 = new Set<number>();
  const within12 = new Set<number>();
  const employed = new Set<number>();
  const latest = new Map<string, { visited: string; id: number; jobs: number | null; output: number | null }>();
  for (const v of hr.followUps) {
    const day0 = cohort.get(v.traineeId);
    if (day0 === undefined) continue;
    const d = day(v.visitedOn);
    if (d < day0 || d > day0 + FOLLOW_UP_WAVE_DAYS.twelveMonths) continue;
    const wave = d <= day0 + FOLLOW_UP_WAVE_DAYS.sixMonths ? 6 : 12;
    within12.add(v.traineeId);
    if (wave === 6) within6.add(v.traineeId);
    if (!founders.has(v.traineeId) && v.employed) employed.add(v.traineeId);
    const key = `${v.traineeId}:${wave}`;
    const current = latest.get(key);
    if (!current || v.visitedOn > current.visited || (v.visitedOn === current.visited && v.id > current.id)) {
      latest.set(key, { visited: v.visitedOn, id: v.id, jobs: v.jobs, output: v.outputValueYuan });
    }
  }
  const wave = (w: number) => {
    let jobs = 0; let output = 0; let reported = 0;
    for (const [key, v] of latest) {
      if (!key.endsWith(`:${w}`)) continue;
      jobs += v.jobs ?? 0;
      output += v.output ?? 0;
      if (v.jobs !== null) reported++;
    }
    return { jobs, output, reported };
  };
  const w6 = wave(6);
  const w12 = wave(12);
  const nonFounders = [...cohort.keys()].filter((id) => !founders.has(id)).length;
  return {
    values: {
      wishingToTrain: wishing.size,
      trainingWishesMet: ratio(wishingTrained, wishing.size),
      followUpCoverage6m: ratio(within6.size, cohort.size),
      followUpCoverage12m: ratio(within12.size, cohort.size),
      nonFounderEmploymentRate: ratio(employed.size, nonFounders),
      followUpJobs6m: w6.jobs, followUpJobs12m: w12.jobs, followUpOutputYuan6m: w6.output, followUpOutputYuan12m: w12.output,
    },
    counts: {
      wishingToTrain: wishing.size, wishingToTrainTrained: wishingTrained, followUpCohort: cohort.size,
      visitedWithin6m: within6.size, visitedWithin12m: within12.size, nonFounders, nonFoundersEmployed: employed.size,
      reported6m: w6.reported, reported12m: w12.reported,
    },
  };
}

export interface ExpectedLeagueRow {
  institutionId: number; completions: number; passes: number; venturesWithin6m: number; satisfaction: number | null; debarred: boolean;
}

/** Institutions of the region with completions in the year, best first on the chosen measure. */
export function expectedLeagueTable(world: World, regionCode: string, year: number, rankBy: 'PASS_RATE' | 'VENTURE_RATE' | 'SATISFACTION'): ExpectedLeagueRow[] {
  const counties = new Set(countiesUnder(regionCode));
  const hr = world.hr;
  const institutionOf = new Map(hr.courses.map((c) => [c.id, c.institutionId]));
  const regionOf = new Map(hr.institutions.map((i) => [i.id, i.regionCode]));
  const openings = new Map<number, number[]>();
  for (const v of hr.ventures) openings.set(v.founderId, [...(openings.get(v.founderId) ?? []), day(v.openedOn)]);
  const rows = new Map<number, ExpectedLeagueRow & { sum: number; rated: number }>();
  for (const e of hr.enrolments) {
    if (!inYear(e.completedOn, year)) continue;
    const id = institutionOf.get(e.courseId)!;
    if (!counties.has(regionOf.get(id)!)) continue;
    const row = rows.get(id) ?? { institutionId: id, completions: 0, passes: 0, venturesWithin6m: 0, satisfaction: null, debarred: false, sum: 0, rated: 0 };
    const done = day(e.completedOn!);
    row.completions++;
    if (e.passed) row.passes++;
    if ((openings.get(e.traineeId) ?? []).some((o) => o >= done && o <= done + OPENING_WINDOW_DAYS)) row.venturesWithin6m++;
    if (e.satisfaction !== null) { row.sum += e.satisfaction; row.rated++; }
    rows.set(id, row);
  }
  const result = [...rows.values()].map(({ sum, rated, ...row }) => ({
    ...row,
    satisfaction: rated === 0 ? null : sum / rated,
    debarred: hr.debarments.some((d) => d.institutionId === row.institutionId && d.debarredOn <= `${year}-12-31`),
  }));
  const measure = (r: ExpectedLeagueRow) => rankBy === 'PASS_RATE' ? ratio(r.passes, r.completions)
    : rankBy === 'VENTURE_RATE' ? ratio(r.venturesWithin6m, r.completions) : r.satisfaction;
  return result.sort((a, b) => (measure(b) ?? -1) - (measure(a) ?? -1) || b.completions - a.completions || a.institutionId - b.institutionId);
}

export interface ExpectedFinding {
  kind: string; traineeId: number; loanId: number | null; subsidyId: number | null; householdId: number | null; memberId: number | null;
}

/** The year's eligibility findings under a region, each with hr's ids and the registry's. */
export function expectedEligibilityFindings(world: World, regionCode: string, year: number): ExpectedFinding[] {
  const counties = new Set(countiesUnder(regionCode));
  const hr = world.hr;
  const trainee = new Map(hr.trainees.map((t) => [t.id, t]));
  const inRegion = (id: number) => counties.has(trainee.get(id)!.regionCode);
  const registered = new Map(world.poverty.households.map((h) => [h.id, h.registeredYear]));
  const memberOf = new Map(world.poverty.members.map((m) => [m.personKey, m]));
  const findings: ExpectedFinding[] = [];
  const add = (kind: string, traineeId: number, loanId: number | null, subsidyId: number | null) => {
    const member = memberOf.get(trainee.get(traineeId)!.personKey);
    findings.push({ kind, traineeId, loanId, subsidyId, householdId: member?.householdId ?? null, memberId: member?.id ?? null });
  };

  const cohort = new Set(hr.enrolments.filter((e) => inYear(e.completedOn, year) && inRegion(e.traineeId)).map((e) => e.traineeId));
  for (const id of cohort) {
    const member = memberOf.get(trainee.get(id)!.personKey);
    const poor = member !== undefined && registered.get(member.householdId)! <= year;
    const declared = trainee.get(id)!.category === 'REGISTERED_POOR';
    if (declared && !poor) add('DECLARED_POOR_NOT_IN_REGISTRY', id, null, null);
    if (!declared && poor) add('REGISTRY_POOR_OTHER_CATEGORY', id, null, null);
  }

  const enrolment = new Map(hr.enrolments.map((e) => [e.id, e]));
  const courseType = new Map(hr.courses.map((c) => [c.id, c.type]));
  const seen = new Set<string>();
  for (const s of [...hr.subsidies].sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.id - b.id)) {
    const e = enrolment.get(s.enrolmentId)!;
    const key = `${e.traineeId}:${courseType.get(e.courseId)}:${s.kind}`;
    if (seen.has(key) && inYear(s.paidOn, year) && inRegion(e.traineeId)) add('DOUBLE_TRAINING_SUBSIDY', e.traineeId, null, s.id);
    seen.add(key);
  }

  const founders = new Set(hr.ventures.map((v) => v.founderId));
  const lent = new Map<number, number>();
  for (const l of [...hr.loans].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id - b.id)) {
    const total = (lent.get(l.borrowerId) ?? 0) + l.amountYuan;
    lent.set(l.borrowerId, total);
    if (!inYear(l.issuedOn, year) || !inRegion(l.borrowerId)) continue;
    if (total > LOAN_CAP_YUAN) add('LOAN_ABOVE_CAP', l.borrowerId, l.id, null);
    if (!founders.has(l.borrowerId)) add('LOAN_WITHOUT_VENTURE', l.borrowerId, l.id, null);
  }
  return findings.sort((a, b) => a.kind.localeCompare(b.kind) || a.traineeId - b.traineeId || (a.loanId ?? a.subsidyId ?? 0) - (b.loanId ?? b.subsidyId ?? 0));
}
