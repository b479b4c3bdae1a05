/**
 * The demonstrations of notices 001 §6 and 002, in known numbers: model counties, demonstration
 * parks and projects, outstanding poverty-relief projects, star enterprises and entrepreneur
 * stars, designated by hr's migrant-worker section and reviewed every December (a known number
 * revoked); and the Youth League's awards to enterprises beside its awards to people.
 */
import { cityOf } from '@rg/regions';
import type { Context } from './context';
import type { Designation, DesignationKind, DesignationLevel, DesignationReviewResult } from './world';

/** How many designations of each kind the demo province holds. */
export const DESIGNATIONS_PER_KIND: Readonly<Record<DesignationKind, number>> = {
  COUNTY: 6, PARK: 5, PROJECT: 4, POVERTY_RELIEF_PROJECT: 3, VENTURE: 6, PERSON: 5,
};
/** Designations a December review revoked: one park, one star enterprise, one entrepreneur star. */
export const REVOKED_KINDS: readonly DesignationKind[] = ['PARK', 'VENTURE', 'PERSON'];
/** Awards to enterprises (a venture) rather than to a person. */
export const ENTERPRISE_AWARDS = 4;
/** The plan's last year: designations are made and reviewed up to it. */
const LAST_YEAR = 2020;

const TITLES: Record<DesignationKind, string> = {
  COUNTY: '返乡创业示范县', PARK: '返乡创业示范园区', PROJECT: '返乡创业示范项目',
  POVERTY_RELIEF_PROJECT: '助力脱贫攻坚优秀项目', VENTURE: '返乡创业明星企业', PERSON: '返乡创业之星',
};
const PROJECTS = ['稻虾共作综合种养', '农村电商服务站', '手工竹编合作社', '乡村民宿集群', '光伏扶贫大棚', '扶贫车间来料加工', '生态茶园'];
const ENTERPRISE_AWARD_TITLES = ['青年创业示范企业', '返乡创业优秀企业'];
const RECTIFY_NOTE = '带动就业人数未达申报承诺，限期整改';
const REVOKED_NOTE = '年度考核不合格，撤销认定';

/** The section of the city's hr bureau that designates (评选认定市级), or the body above it. */
function reviewingBody(level: DesignationLevel, regionCode: string): string {
  if (level === 'NATIONAL') return '人力资源和社会保障部';
  if (level === 'PROVINCE') return '江苏省人力资源和社会保障厅';
  return `${cityOf(regionCode)!.name}人力资源和社会保障局农民工工作科`;
}

export function buildDemonstrations(ctx: Context): void {
  const { rng, geo, world } = ctx;
  const hr = world.hr;
  const level = (): DesignationLevel => rng.weighted<DesignationLevel>([['CITY', 70], ['PROVINCE', 25], ['NATIONAL', 5]]);
  const add = (kind: DesignationKind, from: number, regionCode: string, subject: Partial<Designation>) => {
    const lvl = level();
    hr.demonstrations.push({
      id: hr.demonstrations.length + 1, kind, level: lvl, year: rng.int(Math.max(2016, from), LAST_YEAR), title: TITLES[kind],
      reviewingBody: reviewingBody(lvl, regionCode), regionCode, parkId: null, ventureId: null, traineeId: null, projectName: null,
      ...subject,
    });
  };
  const take = <T>(items: T[], n: number): T[] => rng.shuffle([...items]).slice(0, n);
  const yearOf = (iso: string) => Number(iso.slice(0, 4));

  for (const county of take(geo.counties, DESIGNATIONS_PER_KIND.COUNTY)) add('COUNTY', 2016, county.code, {});
  const parks = world.agriculture.parks.filter((p) => p.kind === 'RETURNEE_PARK' && yearOf(p.openedOn) <= LAST_YEAR);
  for (const park of take(parks, DESIGNATIONS_PER_KIND.PARK)) add('PARK', yearOf(park.openedOn), park.regionCode, { parkId: park.id });
  const projects = take(PROJECTS, DESIGNATIONS_PER_KIND.PROJECT + DESIGNATIONS_PER_KIND.POVERTY_RELIEF_PROJECT);
  for (const kind of ['PROJECT', 'POVERTY_RELIEF_PROJECT'] as const) {
    for (let n = 0; n < DESIGNATIONS_PER_KIND[kind]; n++) add(kind, 2016, rng.pick(geo.counties).code, { projectName: projects.pop()! });
  }
  const operating = hr.ventures.filter((v) => v.closedOn === null && yearOf(v.openedOn) <= LAST_YEAR);
  const stars = take(operating, DESIGNATIONS_PER_KIND.VENTURE + DESIGNATIONS_PER_KIND.PERSON);
  for (const v of stars.slice(0, DESIGNATIONS_PER_KIND.VENTURE)) add('VENTURE', yearOf(v.openedOn), v.regionCode, { ventureId: v.id });
  const trainees = new Map(hr.trainees.map((t) => [t.id, t]));
  for (const v of stars.slice(DESIGNATIONS_PER_KIND.VENTURE)) {
    const founder = trainees.get(v.founderId)!;
    add('PERSON', yearOf(v.openedOn), founder.regionCode, { traineeId: founder.id });
  }

  // Reviewed every December from the year after designation; the first of each revoked kind ends at its revocation.
  const revoked = new Set(REVOKED_KINDS.flatMap((kind) => hr.demonstrations.filter((d) => d.kind === kind && d.year < LAST_YEAR).slice(0, 1))
    .map((d) => d.id));
  for (const d of hr.demonstrations) {
    const years: number[] = [];
    for (let y = d.year + 1; y <= LAST_YEAR; y++) years.push(y);
    const revokedIn = revoked.has(d.id) ? rng.pick(years) : null;
    for (const year of years) {
      const result: DesignationReviewResult = year === revokedIn ? 'REVOKED' : rng.chance(0.15) ? 'RECTIFY' : 'PASSED';
      hr.demonstrationReviews.push({
        id: hr.demonstrationReviews.length + 1, designationId: d.id, year, result,
        note: result === 'REVOKED' ? REVOKED_NOTE : result === 'RECTIFY' ? RECTIFY_NOTE : null,
      });
      if (result === 'REVOKED') break;
    }
  }

  // Awards to enterprises, after every award to a person.
  const awards = world.youthLeague.awards;
  for (const v of take(operating.filter((v) => !stars.includes(v)), ENTERPRISE_AWARDS)) {
    awards.push({
      id: awards.length + 1, personKey: null, recipientName: null, title: rng.pick(ENTERPRISE_AWARD_TITLES),
      level: rng.weighted([['COUNTY', 40], ['CITY', 40], ['PROVINCE', 20]]), year: rng.int(yearOf(v.openedOn), Math.min(2021, yearOf(v.openedOn) + 2)),
      regionCode: v.regionCode, recipientKind: 'VENTURE', ventureId: v.id,
    });
  }
}
