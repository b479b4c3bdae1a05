/**
 * What follows a passed training: the venture, its guaranteed loan and the mentors'
 * follow-up visits. Everything stays on or before DATA_CUTOFF, the day the demo is "as of".
 */
import type { BusinessStatus, Trainee } from './world';
import type { Context, VentureEvent } from './context';
import { DATA_CUTOFF, isoOf } from './dates';
import { BANKS, HELP_GIVEN, INDUSTRY_TABLE, ventureName } from './names';
import { LOAN_CAP_YUAN } from '@rg/scorecard';

const LOAN_SHARE = 0.4;
const LOAN_FLOOR_YUAN = 10_000;
/** Survivors of the first year that still close later. */
const LATE_CLOSE_RATE = 0.12;

export function openVenture(
  ctx: Context, trainee: Trainee, countyIndex: number, openedDay: number, mentorsByCity: number[][],
): VentureEvent {
  const { rng, geo, world } = ctx;
  const county = geo.counties[countyIndex];
  const industry = INDUSTRY_TABLE.pick(rng);
  const name = ventureName(rng, industry, county.name, trainee.name);
  const jobs = Math.min(12, Math.max(1, Math.round(rng.normal(county.jobsMean, 2.2))));

  let closedDay = -1;
  if (rng.chance(county.earlyCloseRate)) closedDay = openedDay + rng.int(20, 365);
  else if (rng.chance(LATE_CLOSE_RATE)) closedDay = openedDay + rng.int(366, 1400);
  if (closedDay > DATA_CUTOFF) closedDay = -1;

  world.hr.ventures.push({
    id: world.hr.ventures.length + 1, founderId: trainee.id, name, industry: industry.name,
    regionCode: county.code, openedOn: isoOf(openedDay), jobsCreated: jobs,
    closedOn: closedDay < 0 ? null : isoOf(closedDay),
  });
  const ventureId = world.hr.ventures.length;

  if (rng.chance(LOAN_SHARE)) {
    // Skewed toward small loans: most returnees borrow tens of thousands, few near the cap.
    const thousands = Math.round(LOAN_FLOOR_YUAN / 1000 + ((LOAN_CAP_YUAN - LOAN_FLOOR_YUAN) / 1000) * rng.next() ** 1.6);
    const issuedDay = Math.min(DATA_CUTOFF, openedDay + rng.int(0, 90));
    const repaidDay = rng.chance(0.4) ? issuedDay + rng.int(365, 1095) : -1;
    world.hr.loans.push({
      id: world.hr.loans.length + 1, borrowerId: trainee.id, ventureId, amountYuan: thousands * 1000,
      bank: rng.pick(BANKS), issuedOn: isoOf(issuedDay), interestSubsidised: rng.chance(0.8),
      repaidOn: repaidDay < 0 || repaidDay > DATA_CUTOFF ? null : isoOf(repaidDay),
      guaranteeType: null, interestSubsidyYuan: null, defaultedOn: null, // filled in by hr-programme.ts
    });
  }

  const visits = rng.int(1, 3);
  const days: number[] = [];
  for (let i = 0; i < visits; i++) {
    const day = openedDay + rng.int(1, 540);
    if (day <= DATA_CUTOFF) days.push(day);
  }
  days.sort((a, b) => a - b);
  const mentors = mentorsByCity[county.cityIndex];
  for (const day of days) {
    world.hr.followUps.push({
      id: world.hr.followUps.length + 1, traineeId: trainee.id, mentorId: rng.pick(mentors),
      visitedOn: isoOf(day), businessStatus: statusOn(ctx, day, closedDay), helpGiven: rng.pick(HELP_GIVEN),
      employed: null, jobs: null, outputValueYuan: null, // filled in by hr-programme.ts
    });
  }

  return {
    ventureId, founderId: trainee.id, founderKey: trainee.personKey, founderName: trainee.name,
    founderGender: trainee.gender, countyIndex, industry: industry.name, name, jobs, openedDay, closedDay,
  };
}

function statusOn(ctx: Context, day: number, closedDay: number): BusinessStatus {
  if (closedDay >= 0 && day >= closedDay) return 'CLOSED';
  // A business that closes soon after the visit already looked in trouble.
  if (closedDay >= 0 && closedDay - day < 120) return ctx.rng.chance(0.7) ? 'STRUGGLING' : 'OPERATING';
  return ctx.rng.chance(0.88) ? 'OPERATING' : 'STRUGGLING';
}
