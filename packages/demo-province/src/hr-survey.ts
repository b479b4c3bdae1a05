/**
 * The returnee survey (摸底调查): most trainees answered it before they registered, and
 * returnees who never trained answered it too — the denominator of "everyone who wants
 * training gets it".
 */
import type { Gender } from '@rg/person-key';
import { RECORDS_PER_PAUSE, type Context } from './context';
import type { SurveyResponse } from './world';
import { DATA_CUTOFF, PLAN_START, dayOf, isoOf, parseIsoDay } from './dates';
import { INDUSTRY_NAMES } from './names';

const SURVEYED_TRAINEE_SHARE = 0.85;
/** Returnees surveyed who never registered for training, per trainee. */
export const UNTRAINED_RESPONDENTS_PER_TRAINEE = 0.15;
const NEEDS = ['创业资金', '场地', '技能培训', '政策咨询', '市场渠道', '电商运营'];
const SURVEYORS = ['乡镇劳动保障所', '村民委员会', '县就业服务中心'];

export function* buildSurvey(ctx: Context): Generator<undefined, void> {
  const { rng, geo, world } = ctx;
  const push = (r: Omit<SurveyResponse, 'id'>) => world.hr.surveyResponses.push({ id: world.hr.surveyResponses.length + 1, ...r });
  const answers = (surveyedDay: number, wantsTraining: number, wantsToStart: number) => ({
    surveyedOn: isoOf(surveyedDay),
    surveyedBy: rng.pick(SURVEYORS),
    returnedOn: rng.chance(0.8) ? isoOf(surveyedDay - rng.int(30, 700)) : null,
    intendsToTrain: rng.chance(wantsTraining),
    intendsToStart: rng.chance(wantsToStart),
    desiredIndustry: rng.chance(0.7) ? rng.pick(INDUSTRY_NAMES) : null,
    needs: rng.chance(0.6) ? rng.pick(NEEDS) : null,
  });

  let made = 0;
  for (const t of world.hr.trainees) {
    if (++made % RECORDS_PER_PAUSE === 0) yield;
    if (!rng.chance(SURVEYED_TRAINEE_SHARE)) continue;
    const day = Math.max(PLAN_START, parseIsoDay(t.registeredOn) - rng.int(0, 150));
    push({ personKey: t.personKey, gender: t.gender, regionCode: t.regionCode, ...answers(day, 0.9, t.stage === 'AWARENESS' ? 0.6 : 0.9) });
  }
  // Survey answers carry the home county, so the respondents keep the province's county mix.
  const untrained = Math.round(world.hr.trainees.length * UNTRAINED_RESPONDENTS_PER_TRAINEE);
  for (let i = 0; i < untrained; i++) {
    if (++made % RECORDS_PER_PAUSE === 0) yield;
    const county = geo.countyTable.pick(rng);
    const gender: Gender = rng.chance(0.45) ? 'FEMALE' : 'MALE';
    const person = ctx.people.make(county, dayOf(rng.int(1970, 2000)) + rng.int(0, 364), gender);
    const day = Math.min(DATA_CUTOFF, dayOf(rng.int(2016, 2020)) + rng.int(0, 364));
    push({ personKey: person.personKey, gender, regionCode: geo.counties[county].code, ...answers(day, 0.6, 0.5) });
  }
}
