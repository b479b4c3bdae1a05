/**
 * HR's fixed catalogue: designated training institutions, their courses and the mentor
 * teams. Built before any trainee so enrolments can be drawn from it.
 */
import type { CourseType, InstitutionOwnership } from './world';
import type { Context } from './context';
import { dayOf, isoOf } from './dates';
import { MENTOR_SPECIALITIES, personName } from './names';

export const COURSE_TYPES: readonly CourseType[] = ['BUSINESS_AWARENESS', 'SYB', 'IYB', 'ECOMMERCE', 'SKILL_PLUS'];
const COURSE_LABELS: Record<CourseType, string> = {
  BUSINESS_AWARENESS: '创业意识培训(GYB)',
  SYB: 'SYB创办你的企业培训',
  IYB: 'IYB改善你的企业培训',
  ECOMMERCE: '互联网+电商创业培训',
  SKILL_PLUS: '创业+技能培训',
};
const DURATIONS: Record<CourseType, readonly [number, number]> = {
  BUSINESS_AWARENESS: [5, 8], SYB: [10, 15], IYB: [7, 12], ECOMMERCE: [10, 30], SKILL_PLUS: [15, 30],
};
const PRIVATE_BRANDS = ['启航', '远航', '众创', '明德', '新起点', '金桥'];
const YEARS = [2016, 2017, 2018, 2019, 2020];
/** Enrolments per trainee on average (1–2 each); sizes the course catalogue. */
const ENROLMENTS_PER_TRAINEE = 1.4;
const CLASS_SIZE = 30;

/** Courses by county, sorted by start day, in typed arrays for the per-trainee lookups. */
export interface CourseIndex {
  /** Course ids per county index, ascending start day. */
  idsByCounty: Int32Array[];
  startsByCounty: Int32Array[];
  /** By course id − 1. */
  startDay: Int32Array;
  endDay: Int32Array;
  institutionQuality: Float64Array;
}

export function buildCatalogue(ctx: Context): CourseIndex {
  const { rng, geo, world } = ctx;
  const totalWeight = geo.counties.reduce((s, c) => s + c.weight, 0);
  const starts: number[] = [];
  const ends: number[] = [];
  const quality: number[] = [];
  const perCounty: number[][] = geo.counties.map(() => []);

  for (const county of geo.counties) {
    const institutionCount = rng.chance(0.5) ? 2 : 1;
    const expected = (ctx.traineeCount * ENROLMENTS_PER_TRAINEE * county.weight) / totalWeight;
    // "Several" courses of every type every year, more where the county trains more people.
    const perSlot = 2 + Math.floor(expected / (institutionCount * YEARS.length * COURSE_TYPES.length * CLASS_SIZE));
    for (let k = 0; k < institutionCount; k++) {
      const ownership: InstitutionOwnership = k === 0 && rng.chance(0.8) ? 'PUBLIC' : 'PRIVATE';
      const name = ownership === 'PUBLIC'
        ? `${county.name}职业技能培训中心`
        : `${county.name}${rng.pick(PRIVATE_BRANDS)}职业培训学校`;
      world.hr.institutions.push({ id: world.hr.institutions.length + 1, name, regionCode: county.code, ownership });
      const institutionId = world.hr.institutions.length;
      const institutionQuality = rng.real(-0.5, 0.5);
      for (const year of YEARS) {
        for (const type of COURSE_TYPES) {
          const [minDays, maxDays] = DURATIONS[type];
          for (let n = 1; n <= perSlot; n++) {
            const duration = rng.int(minDays, maxDays);
            const start = rng.int(dayOf(year, 1, 5), dayOf(year, 12, 31) - (duration - 1));
            const end = start + duration - 1;
            world.hr.courses.push({
              id: world.hr.courses.length + 1, institutionId, type,
              name: `${COURSE_LABELS[type]}（${year}年第${n}期）`,
              regionCode: county.code, startsOn: isoOf(start), endsOn: isoOf(end),
            });
            starts.push(start);
            ends.push(end);
            quality.push(institutionQuality);
            perCounty[county.index].push(world.hr.courses.length);
          }
        }
      }
    }
  }

  const startDay = Int32Array.from(starts);
  const idsByCounty = perCounty.map((ids) => Int32Array.from(ids.sort((a, b) => startDay[a - 1] - startDay[b - 1] || a - b)));
  return {
    idsByCounty,
    startsByCounty: idsByCounty.map((ids) => ids.map((id) => startDay[id - 1])),
    startDay,
    endDay: Int32Array.from(ends),
    institutionQuality: Float64Array.from(quality),
  };
}

/** First index in a sorted array whose value is >= day. */
export function lowerBound(sorted: Int32Array, day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentor ids per city index. */
export function buildMentors(ctx: Context): number[][] {
  const { rng, geo, world } = ctx;
  return geo.cities.map((city) => {
    const ids: number[] = [];
    const count = rng.int(4, 8);
    for (let i = 0; i < count; i++) {
      const county = geo.counties[rng.pick(city.counties)];
      world.hr.mentors.push({
        id: world.hr.mentors.length + 1,
        name: personName(rng, rng.chance(0.7) ? 'MALE' : 'FEMALE'),
        regionCode: county.code,
        speciality: rng.pick(MENTOR_SPECIALITIES),
      });
      ids.push(world.hr.mentors.length);
    }
    return ids;
  });
}
