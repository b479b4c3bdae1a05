/**
 * Ground truth for the priority of the poor across support policies, returnee entrepreneurs
 * trained or not, and the support-case checks: straight over the record arrays, as
 * ground-truth.ts does, with none of the generator's or the departments' internals.
 */
import { countiesUnder } from '@rg/regions';
import { ratio } from '@rg/scorecard';
import type { World } from './world';

export interface SupportPriorityTruth {
  values: {
    poorBorrowerShare: number; poorWomenBorrowers: number; poorFounderShare: number; poorWomenFounders: number;
    poorParkEntrantShare: number; returneeVentures: number; trainedFounderShare: number; supportCaseFindings: number;
  };
  /** The people each set names (disclosure control: a set of 1–4 people is refused). */
  counts: {
    borrowers: number; womenBorrowers: number; poorBorrowers: number; poorWomenBorrowers: number;
    founders: number; womenFounders: number; poorFounders: number; poorWomenFounders: number;
    parkEntrants: number; poorParkEntrants: number; ventures: number; trainedFounderVentures: number;
    /** The year's women with a support case (the set poverty is asked about). */
    supportCaseWomen: number;
  };
}

export interface SupportCaseFindingTruth {
  kind: 'PRIORITY_NOT_IN_REGISTRY' | 'REGISTRY_POOR_NOT_PRIORITISED';
  caseId: number;
  householdId: number | null;
  memberId: number | null;
}

const inYear = (iso: string | null, year: number) => iso !== null && iso.startsWith(`${year}-`);

/** person key → household years, from the registry's members. */
function registry(world: World): Map<string, { registeredYear: number; exitedYear: number | null; householdId: number; memberId: number }> {
  const households = new Map(world.poverty.households.map((h) => [h.id, h]));
  return new Map(world.poverty.members.map((m) => {
    const h = households.get(m.householdId)!;
    return [m.personKey, { registeredYear: h.registeredYear, exitedYear: h.exitedYear, householdId: h.id, memberId: m.id }];
  }));
}

export function expectedSupportPriority(world: World, regionCode: string, year: number): SupportPriorityTruth {
  const counties = new Set(countiesUnder(regionCode));
  const reg = registry(world);
  const trainees = new Map(world.hr.trainees.map((t) => [t.id, t]));
  const poor = (traineeId: number) => (reg.get(trainees.get(traineeId)!.personKey)?.registeredYear ?? Infinity) <= year;
  const women = (traineeId: number) => trainees.get(traineeId)!.gender === 'FEMALE';
  const tally = (people: Set<number>) => {
    const list = [...people];
    return {
      all: list.length, women: list.filter(women).length, poor: list.filter(poor).length,
      poorWomen: list.filter((id) => poor(id) && women(id)).length,
    };
  };

  const borrowers = new Set<number>();
  for (const l of world.hr.loans) {
    if (inYear(l.issuedOn, year) && counties.has(trainees.get(l.borrowerId)!.regionCode)) borrowers.add(l.borrowerId);
  }
  const firstCompletion = new Map<number, string>();
  for (const e of world.hr.enrolments) {
    if (e.completedOn === null) continue;
    const first = firstCompletion.get(e.traineeId);
    if (first === undefined || e.completedOn < first) firstCompletion.set(e.traineeId, e.completedOn);
  }
  const founders = new Set<number>();
  let ventures = 0;
  let trainedFounderVentures = 0;
  for (const v of world.hr.ventures) {
    if (!counties.has(v.regionCode) || !inYear(v.openedOn, year)) continue;
    ventures++;
    founders.add(v.founderId);
    const first = firstCompletion.get(v.founderId);
    if (first !== undefined && first <= v.openedOn) trainedFounderVentures++;
  }
  const parks = new Map(world.agriculture.parks.map((p) => [p.id, p]));
  const ventureFounder = new Map(world.hr.ventures.map((v) => [v.id, v.founderId]));
  const parkEntrants = new Set<number>();
  for (const r of world.agriculture.residencies) {
    if (inYear(r.enteredOn, year) && counties.has(parks.get(r.parkId)!.regionCode)) parkEntrants.add(ventureFounder.get(r.ventureId)!);
  }
  const b = tally(borrowers);
  const f = tally(founders);
  const p = tally(parkEntrants);
  const caseWomen = new Set(world.womensFederation.cases
    .filter((c) => counties.has(c.regionCode) && inYear(c.openedOn, year)).map((c) => c.personKey));
  return {
    values: {
      poorBorrowerShare: ratio(b.poor, b.all), poorWomenBorrowers: b.poorWomen,
      poorFounderShare: ratio(f.poor, f.all), poorWomenFounders: f.poorWomen,
      poorParkEntrantShare: ratio(p.poor, p.all),
      returneeVentures: ventures, trainedFounderShare: ratio(trainedFounderVentures, ventures),
      supportCaseFindings: expectedSupportCaseFindings(world, regionCode, year).length,
    },
    counts: {
      borrowers: b.all, womenBorrowers: b.women, poorBorrowers: b.poor, poorWomenBorrowers: b.poorWomen,
      founders: f.all, womenFounders: f.women, poorFounders: f.poor, poorWomenFounders: f.poorWomen,
      parkEntrants: p.all, poorParkEntrants: p.poor, ventures, trainedFounderVentures, supportCaseWomen: caseWomen.size,
    },
  };
}

/**
 * The year's support cases in the region whose poorPriority disagrees with the registry's
 * standing in the year the case opened (registered by then, not exited before it), by case id.
 */
export function expectedSupportCaseFindings(world: World, regionCode: string, year: number): SupportCaseFindingTruth[] {
  const counties = new Set(countiesUnder(regionCode));
  const reg = registry(world);
  const findings: SupportCaseFindingTruth[] = [];
  for (const c of world.womensFederation.cases) {
    if (!counties.has(c.regionCode) || !inYear(c.openedOn, year)) continue;
    const r = reg.get(c.personKey);
    const standing = r !== undefined && r.registeredYear <= year && (r.exitedYear === null || r.exitedYear >= year);
    if (standing === c.poorPriority) continue;
    findings.push({
      kind: c.poorPriority ? 'PRIORITY_NOT_IN_REGISTRY' : 'REGISTRY_POOR_NOT_PRIORITISED',
      caseId: c.id, householdId: r?.householdId ?? null, memberId: r?.memberId ?? null,
    });
  }
  return findings.sort((a, b) => a.caseId - b.caseId);
}
