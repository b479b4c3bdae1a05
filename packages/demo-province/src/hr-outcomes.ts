/**
 * What happened after training, as hr's ledgers record it: each loan's guarantee, the
 * interest the state paid and defaults; what follow-up visits measured (jobs, output value,
 * and for those who started nothing, whether they found work); and loans the cross-checks
 * must find — over the per-person cap, or to someone with no business — in known numbers.
 */
import { RECORDS_PER_PAUSE, type Context } from './context';
import type { GuaranteeType } from './world';
import { DATA_CUTOFF, isoOf, parseIsoDay } from './dates';
import { BANKS, HELP_GIVEN } from './names';
import { WeightedTable } from './rng';
import { LOAN_CAP_YUAN } from '@rg/scorecard';

export const LOANS_ABOVE_CAP = 4;
export const LOANS_WITHOUT_VENTURE = 5;
const GUARANTEES = new WeightedTable<GuaranteeType>(
  ['INSTITUTION', 'NATURAL_PERSON', 'PARK', 'TWO_RIGHTS_MORTGAGE', 'CREDIT_ONLY'], [50, 20, 10, 8, 12]);
const DEFAULT_RATE = 0.06;
const NON_FOUNDER_VISIT_SHARE = 0.7;
const NON_FOUNDER_EMPLOYED_SHARE = 0.6;

export function* buildOutcomes(ctx: Context): Generator<undefined, void> {
  const { rng, world } = ctx;
  const hr = world.hr;
  const ventureOf = new Map<number, { jobs: number }>();
  for (const v of hr.ventures) if (!ventureOf.has(v.founderId)) ventureOf.set(v.founderId, { jobs: v.jobsCreated });

  let read = 0;
  for (const l of hr.loans) {
    if (++read % RECORDS_PER_PAUSE === 0) yield;
    l.guaranteeType = GUARANTEES.pick(rng);
    l.interestSubsidyYuan = l.interestSubsidised ? Math.round(l.amountYuan * 0.0435 * rng.real(0.5, 2)) : 0;
    const issued = parseIsoDay(l.issuedOn);
    if (l.repaidOn === null && rng.chance(DEFAULT_RATE)) {
      const day = issued + rng.int(180, 900);
      if (day <= DATA_CUTOFF) l.defaultedOn = isoOf(day);
    }
  }

  for (const f of hr.followUps) {
    if (++read % RECORDS_PER_PAUSE === 0) yield;
    const venture = ventureOf.get(f.traineeId);
    if (!venture) continue;
    f.jobs = f.businessStatus === 'CLOSED' || f.businessStatus === 'PREPARING' ? 0 : venture.jobs;
    f.outputValueYuan = f.jobs * rng.int(40, 200) * 1000;
  }

  // Each trainee's first completion day (by id, from 1), and the trainees in the order of their first completed enrolment.
  const firstCompleted = new Float64Array(hr.trainees.length + 1).fill(Infinity);
  const completers: number[] = [];
  for (const e of hr.enrolments) {
    if (++read % RECORDS_PER_PAUSE === 0) yield;
    if (e.completedOn === null) continue;
    const day = parseIsoDay(e.completedOn);
    if (firstCompleted[e.traineeId] === Infinity) completers.push(e.traineeId);
    if (firstCompleted[e.traineeId] > day) firstCompleted[e.traineeId] = day;
  }
  const nonFounders: number[] = [];
  for (const traineeId of completers) {
    if (++read % RECORDS_PER_PAUSE === 0) yield;
    const day0 = firstCompleted[traineeId];
    if (ventureOf.has(traineeId)) continue;
    nonFounders.push(traineeId);
    if (!rng.chance(NON_FOUNDER_VISIT_SHARE)) continue;
    const visits = rng.chance(0.3) ? 2 : 1;
    const employed = rng.chance(NON_FOUNDER_EMPLOYED_SHARE);
    for (let n = 0; n < visits; n++) {
      const day = day0 + rng.int(20, 400);
      if (day > DATA_CUTOFF) continue;
      hr.followUps.push({
        id: hr.followUps.length + 1, traineeId, mentorId: null, visitedOn: isoOf(day), businessStatus: 'PREPARING',
        helpGiven: rng.pick(HELP_GIVEN), employed: n === 0 ? employed && rng.chance(0.8) : employed, jobs: null, outputValueYuan: null,
      });
    }
  }

  const newLoan = (borrowerId: number, ventureId: number | null, amountYuan: number, day: number) => hr.loans.push({
    id: hr.loans.length + 1, borrowerId, ventureId, amountYuan, bank: rng.pick(BANKS), issuedOn: isoOf(day),
    interestSubsidised: true, repaidOn: null, guaranteeType: GUARANTEES.pick(rng), interestSubsidyYuan: 0, defaultedOn: null,
  });
  // A second loan that takes the borrower past the cap (booked before the cap was checked at entry).
  const large = hr.loans.filter((l) => l.amountYuan >= 60_000 && parseIsoDay(l.issuedOn) + 300 <= DATA_CUTOFF);
  const seen = new Set<number>();
  for (let n = 0; n < LOANS_ABOVE_CAP && large.length > 0;) {
    const [loan] = large.splice(rng.int(0, large.length - 1), 1);
    if (seen.has(loan.borrowerId)) continue;
    seen.add(loan.borrowerId);
    const total = hr.loans.filter((l) => l.borrowerId === loan.borrowerId).reduce((sum, l) => sum + l.amountYuan, 0);
    newLoan(loan.borrowerId, loan.ventureId, Math.min(LOAN_CAP_YUAN, LOAN_CAP_YUAN - total + 10_000 * rng.int(1, 5)), parseIsoDay(loan.issuedOn) + rng.int(30, 300));
    n++;
  }
  // Loans to trainees who never opened a business.
  for (let n = 0; n < LOANS_WITHOUT_VENTURE && nonFounders.length > 0; n++) {
    const [traineeId] = nonFounders.splice(rng.int(0, nonFounders.length - 1), 1);
    const day = firstCompleted[traineeId] + rng.int(10, 120);
    if (day <= DATA_CUTOFF) newLoan(traineeId, null, 1000 * rng.int(20, 80), day);
    else n--;
  }
}
