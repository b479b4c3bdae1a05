/**
 * The institutions' side of training: designation periods, the reviewing body's yearly
 * evaluation (counted from the enrolments, as the body would), a few debarments, and the
 * training subsidy per completion and per pass — with a known number paid twice.
 */
import { RECORDS_PER_PAUSE, type Context } from './context';
import type { CourseType, SubsidyKind } from './world';
import { DATA_CUTOFF, dayOf, isoOf, parseIsoDay, yearOfDay } from './dates';
import { OPENING_WINDOW_DAYS } from '@rg/scorecard';

/** Institutions barred in 2019 (for invented trainees, 002), and subsidies paid twice. */
export const DEBARRED_INSTITUTIONS = 3;
export const DOUBLE_SUBSIDIES = 6;
const ENDED_DESIGNATION_SHARE = 0.1;
const COMPLETION_SUBSIDY_YUAN: Record<CourseType, number> = {
  BUSINESS_AWARENESS: 600, SYB: 1200, IYB: 1500, ECOMMERCE: 1000, SKILL_PLUS: 1400,
};
const RESULT_SUBSIDY_YUAN = 300;
/** Institutions claim most subsidies they are owed; some are never claimed. */
const CLAIM_RATE = 0.9;
const REVIEWING_BODIES = ['江苏省人力资源和社会保障厅', '设区市人力资源和社会保障局'];
const DEBARMENT_REASONS = ['虚报培训人数套取补贴', '培训课时不足', '伪造培训签到记录'];

export function* buildInstitutionRecords(ctx: Context): Generator<undefined, void> {
  const { rng, world } = ctx;
  const hr = world.hr;
  for (const i of hr.institutions) {
    const from = dayOf(2015, rng.int(1, 12), 1);
    const ended = rng.chance(ENDED_DESIGNATION_SHARE);
    hr.designations.push({
      id: hr.designations.length + 1, institutionId: i.id, designatedFrom: isoOf(from),
      designatedTo: ended ? isoOf(dayOf(2018, 12, 31)) : null, reviewingBody: rng.pick(REVIEWING_BODIES),
    });
  }
  const barredOn = new Map<number, number>();
  const candidates = [...hr.institutions];
  for (let n = 0; n < DEBARRED_INSTITUTIONS && candidates.length > 0; n++) {
    const [institution] = candidates.splice(rng.int(0, candidates.length - 1), 1);
    const day = dayOf(2019) + rng.int(0, 364);
    barredOn.set(institution.id, day);
    hr.debarments.push({ id: hr.debarments.length + 1, institutionId: institution.id, debarredOn: isoOf(day), reason: rng.pick(DEBARMENT_REASONS) });
  }

  // Course n has id n + 1: looked up by index, not in a map, for each of a million enrolments.
  const courses = hr.courses;
  const openings = new Map<number, number[]>();
  for (const v of hr.ventures) {
    const days = openings.get(v.founderId);
    if (days) days.push(parseIsoDay(v.openedOn));
    else openings.set(v.founderId, [parseIsoDay(v.openedOn)]);
  }
  // institution * 10000 + year -> [completions, passes, ventures within 6 months, satisfaction sum, satisfaction count]
  const tally = new Map<number, number[]>();
  const pay = (enrolmentId: number, kind: SubsidyKind, amountYuan: number, day: number) =>
    hr.subsidies.push({ id: hr.subsidies.length + 1, enrolmentId, kind, amountYuan, paidOn: isoOf(day) });

  let read = 0;
  for (const e of hr.enrolments) {
    if (++read % RECORDS_PER_PAUSE === 0) yield;
    if (e.completedOn === null) continue;
    const course = courses[e.courseId - 1];
    const done = parseIsoDay(e.completedOn);
    const key = course.institutionId * 10_000 + yearOfDay(done);
    const row = tally.get(key) ?? [0, 0, 0, 0, 0];
    row[0]++;
    if (e.passed) row[1]++;
    if ((openings.get(e.traineeId) ?? []).some((o) => o >= done && o <= done + OPENING_WINDOW_DAYS)) row[2]++;
    if (e.satisfaction !== null) { row[3] += e.satisfaction; row[4]++; }
    tally.set(key, row);

    const paidDay = done + rng.int(15, 90);
    const barred = barredOn.get(course.institutionId);
    if (paidDay > DATA_CUTOFF || (barred !== undefined && paidDay >= barred) || !rng.chance(CLAIM_RATE)) continue;
    pay(e.id, 'COMPLETION', COMPLETION_SUBSIDY_YUAN[course.type], paidDay);
    if (e.passed) pay(e.id, 'RESULT', RESULT_SUBSIDY_YUAN, paidDay);
  }
  for (const [key, [completions, passes, ventures, sum, count]] of tally) {
    const institutionId = Math.floor(key / 10_000);
    const year = key % 10_000;
    if (year > 2020) continue; // the 2021 review had not been recorded by the cut-off
    hr.evaluations.push({
      id: hr.evaluations.length + 1, institutionId, year, completions, passes, venturesWithin6m: ventures,
      satisfaction: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    });
  }

  // Paid twice: the same completion subsidy again, weeks later (found by the cross-checks).
  const completionPayments = hr.subsidies.filter((s) => s.kind === 'COMPLETION' && parseIsoDay(s.paidOn) + 200 <= DATA_CUTOFF);
  for (let n = 0; n < DOUBLE_SUBSIDIES && completionPayments.length > 0; n++) {
    const [original] = completionPayments.splice(rng.int(0, completionPayments.length - 1), 1);
    pay(original.enrolmentId, 'COMPLETION', original.amountYuan, parseIsoDay(original.paidOn) + rng.int(30, 200));
  }
}
