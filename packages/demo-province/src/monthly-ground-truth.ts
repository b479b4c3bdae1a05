/**
 * What monthlyStatistics must answer for a generated world, computed the plain way: straight
 * over the record arrays, month by month (the month of a record's date, which is a Beijing
 * calendar day), with none of the generator's or the departments' code.
 */
import { countiesUnder } from '@rg/regions';
import type { World } from './world';

export interface MonthFigures {
  month: number;
  /** People who completed a course in the month. */
  trained: number;
  venturesOpened: number;
  jobsCreated: number;
  loansIssuedYuan: number;
  /** People lent to in the month (what disclosure control judges loansIssuedYuan by). */
  borrowers: number;
  /** Of the month's trained, those in a household registered by the end of the year. */
  poorTrained: number;
  parksOpened: number;
  storiesPublished: number;
  womenSupportCasesOpened: number;
  womenSupportCasesClosed: number;
}

/** The month (1–12) of an ISO date in `year`, or null when it is in another year or absent. */
function monthIn(iso: string | null, year: number): number | null {
  if (iso === null || !iso.startsWith(`${year}-`)) return null;
  return Number(iso.slice(5, 7));
}

export function expectedMonthlyStatistics(world: World, regionCode: string, year: number): MonthFigures[] {
  const counties = new Set(countiesUnder(regionCode));
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1, trained: 0, venturesOpened: 0, jobsCreated: 0, loansIssuedYuan: 0, borrowers: 0, poorTrained: 0,
    parksOpened: 0, storiesPublished: 0, womenSupportCasesOpened: 0, womenSupportCasesClosed: 0,
  }));
  const at = (month: number | null) => (month === null ? null : months[month - 1]);
  const trainees = new Map(world.hr.trainees.map((t) => [t.id, t]));

  const registeredYear = new Map(world.poverty.households.map((h) => [h.id, h.registeredYear]));
  const poorKeys = new Set(world.poverty.members
    .filter((m) => (registeredYear.get(m.householdId) ?? Infinity) <= year).map((m) => m.personKey));

  const trainedIn = Array.from({ length: 12 }, () => new Set<number>());
  for (const e of world.hr.enrolments) {
    const month = monthIn(e.completedOn, year);
    if (month !== null && counties.has(trainees.get(e.traineeId)?.regionCode ?? '')) trainedIn[month - 1].add(e.traineeId);
  }
  trainedIn.forEach((ids, i) => {
    months[i].trained = ids.size;
    months[i].poorTrained = [...ids].filter((id) => poorKeys.has(trainees.get(id)!.personKey)).length;
  });

  for (const v of world.hr.ventures) {
    const row = counties.has(v.regionCode) ? at(monthIn(v.openedOn, year)) : null;
    if (row) {
      row.venturesOpened++;
      row.jobsCreated += v.jobsCreated;
    }
  }
  const borrowersIn = Array.from({ length: 12 }, () => new Set<number>());
  for (const l of world.hr.loans) {
    const row = counties.has(trainees.get(l.borrowerId)?.regionCode ?? '') ? at(monthIn(l.issuedOn, year)) : null;
    if (row) {
      row.loansIssuedYuan += l.amountYuan;
      borrowersIn[row.month - 1].add(l.borrowerId);
    }
  }
  borrowersIn.forEach((ids, i) => { months[i].borrowers = ids.size; });

  for (const p of world.agriculture.parks) {
    if (p.kind !== 'RETURNEE_PARK') continue; // the plan's parks, as newParks counts them
    const row = counties.has(p.regionCode) ? at(monthIn(p.openedOn, year)) : null;
    if (row) row.parksOpened++;
  }
  for (const s of world.youthLeague.stories) {
    const row = counties.has(s.regionCode) ? at(monthIn(s.publishedOn, year)) : null;
    if (row) row.storiesPublished++;
  }
  for (const c of world.womensFederation.cases) {
    if (!counties.has(c.regionCode)) continue;
    const opened = at(monthIn(c.openedOn, year));
    if (opened) opened.womenSupportCasesOpened++;
    const closed = at(monthIn(c.closedOn, year));
    if (closed) closed.womenSupportCasesClosed++;
  }
  return months;
}
