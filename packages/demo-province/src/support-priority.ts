/**
 * The cases the support-priority checks must find, planted in known numbers after every
 * department's records exist (from their own stream, so the records before stay as they were):
 *
 * - returnees who founded a business without any course: hr registered them (a registration
 *   without a course) but they never completed one; they are given a venture;
 * - support cases whose staff-typed poorPriority the registry contradicts. Staff first mark
 *   priority exactly as the registry stood in the year each case opened (the registry's
 *   standing: registered by the year, not exited before it), then a known number of cases
 *   are marked wrongly each way.
 *
 * Poor borrowers, poor (women) founders and park places to poor founders arise from the
 * registry's members among hr's trainees; ground truth counts them plainly.
 */
import type { Context } from './context';
import { DATA_CUTOFF, PLAN_END, isoOf, parseIsoDay } from './dates';
import { INDUSTRY_TABLE, ventureName } from './names';

/** Of a default world (3,000 trainees); a smaller world plants fewer where it has too few candidates. */
export const PLANTED = { untrainedFounders: 24, wronglyPrioritised: 14, poorNotPrioritised: 11 } as const;

/** The registry's standing of a household in a year, as the support-case check reads it. */
export function inRegistryInYear(household: { registeredYear: number; exitedYear: number | null }, year: number): boolean {
  return household.registeredYear <= year && (household.exitedYear === null || household.exitedYear >= year);
}

export function plantSupportPriorityCases(ctx: Context): void {
  plantUntrainedFounders(ctx);
  plantPriorityMistakes(ctx);
}

function plantUntrainedFounders(ctx: Context): void {
  const { rng, geo, world } = ctx;
  // One flag per trainee id (ids run from 1): a million ids in a Set cost far more time and memory.
  const completed = new Uint8Array(world.hr.trainees.length + 1);
  for (const e of world.hr.enrolments) if (e.completedOn !== null) completed[e.traineeId] = 1;
  // Not someone another planted case rests on (a loan without a venture) or who had follow-up visits as a non-founder.
  const taken = new Uint8Array(world.hr.trainees.length + 1);
  for (const v of world.hr.ventures) taken[v.founderId] = 1;
  for (const l of world.hr.loans) taken[l.borrowerId] = 1;
  for (const f of world.hr.followUps) taken[f.traineeId] = 1;
  const countyIndex = new Map(geo.counties.map((c, i) => [c.code, i]));
  const candidates = world.hr.trainees.filter((t) => !completed[t.id] && !taken[t.id]);
  for (let i = 0; i < Math.min(PLANTED.untrainedFounders, candidates.length); i++) {
    const j = rng.int(i, candidates.length - 1);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    const trainee = candidates[i];
    const county = geo.counties[countyIndex.get(trainee.regionCode)!];
    const registered = parseIsoDay(trainee.registeredOn);
    const openedDay = Math.min(PLAN_END, registered + rng.int(30, 400));
    const industry = INDUSTRY_TABLE.pick(rng);
    world.hr.ventures.push({
      id: world.hr.ventures.length + 1, founderId: trainee.id, name: ventureName(rng, industry, county.name, trainee.name),
      industry: industry.name, regionCode: trainee.regionCode, openedOn: isoOf(Math.min(openedDay, DATA_CUTOFF)),
      jobsCreated: rng.int(1, 6), closedOn: null,
    });
  }
}

function plantPriorityMistakes(ctx: Context): void {
  const { rng, world } = ctx;
  // Only the members who have a support case are looked up: a map of every member's key would be ten times larger.
  const withCase = new Set<string>();
  for (const c of world.womensFederation.cases) withCase.add(c.personKey);
  const householdOf = new Map<string, { registeredYear: number; exitedYear: number | null }>();
  const households = world.poverty.households; // household n has id n + 1
  for (const m of world.poverty.members) if (withCase.has(m.personKey)) householdOf.set(m.personKey, households[m.householdId - 1]);
  const standing = world.womensFederation.cases.map((c) => {
    const household = householdOf.get(c.personKey);
    return household !== undefined && inRegistryInYear(household, Number(c.openedOn.slice(0, 4)));
  });
  world.womensFederation.cases.forEach((c, i) => { c.poorPriority = standing[i]; });
  const mark = (inRegistry: boolean, count: number) => {
    const candidates = world.womensFederation.cases.filter((_, i) => standing[i] === inRegistry);
    for (let i = 0; i < Math.min(count, candidates.length); i++) {
      const j = rng.int(i, candidates.length - 1);
      [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
      candidates[i].poorPriority = !inRegistry;
    }
  };
  mark(false, PLANTED.wronglyPrioritised);
  mark(true, PLANTED.poorNotPrioritised);
}
