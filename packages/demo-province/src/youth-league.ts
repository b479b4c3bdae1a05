/**
 * The Youth League's publicity: success stories about ventures still operating, and
 * awards for some of their protagonists.
 */
import type { AwardLevel, StoryChannel } from './world';
import type { Context, VentureEvent } from './context';
import { DATA_CUTOFF, isoOf, yearOfDay } from './dates';
import { AWARD_TITLES, STORY_SUMMARY_TEMPLATES, STORY_TITLE_TEMPLATES, fill } from './names';

const STORY_SHARE = 0.05; // of ventures still operating
const DRAFT_SHARE = 0.1;
const AWARD_SHARE = 0.3; // of story protagonists
const CHANNELS: readonly StoryChannel[] = ['WECHAT', 'NEWSPAPER', 'TV', 'WEBSITE'];
const WOMEN_ONLY_TITLE = '巾帼创业能手';

export interface YouthLeague {
  onVenture(event: VentureEvent): void;
}

export function buildYouthLeague(ctx: Context): YouthLeague {
  const { rng, geo, world } = ctx;
  const protagonists = new Set<number>();
  return {
    onVenture(v) {
      if (v.closedDay >= 0 || !rng.chance(STORY_SHARE)) return;
      const county = geo.counties[v.countyIndex];
      const openedYear = yearOfDay(v.openedDay);
      const values = {
        name: v.founderName, industry: v.industry, county: county.name, venture: v.name, jobs: v.jobs,
        year: openedYear, pronoun: v.founderGender === 'MALE' ? '他' : '她',
      };
      let publishedDay = -1;
      if (!rng.chance(DRAFT_SHARE) && v.openedDay < DATA_CUTOFF) {
        publishedDay = Math.min(v.openedDay + rng.int(30, 540), rng.int(v.openedDay + 1, DATA_CUTOFF));
      }
      world.youthLeague.stories.push({
        id: world.youthLeague.stories.length + 1,
        title: fill(rng.pick(STORY_TITLE_TEMPLATES), values),
        summary: fill(rng.pick(STORY_SUMMARY_TEMPLATES), values),
        protagonistPersonKey: v.founderKey, protagonistName: v.founderName, ventureId: v.ventureId,
        regionCode: county.code, publishedOn: publishedDay < 0 ? null : isoOf(publishedDay), channel: rng.pick(CHANNELS),
      });

      if (protagonists.has(v.founderId)) return;
      protagonists.add(v.founderId);
      if (!rng.chance(AWARD_SHARE)) return;
      let title = rng.pick(AWARD_TITLES);
      if (title === WOMEN_ONLY_TITLE && v.founderGender === 'MALE') title = AWARD_TITLES[0];
      world.youthLeague.awards.push({
        id: world.youthLeague.awards.length + 1, personKey: v.founderKey, recipientName: v.founderName, title,
        level: rng.weighted<AwardLevel>([['COUNTY', 50], ['CITY', 30], ['PROVINCE', 15], ['NATIONAL', 5]]),
        year: rng.int(openedYear, Math.min(2021, openedYear + 2)), regionCode: county.code,
        recipientKind: 'PERSON', ventureId: null,
      });
    },
  };
}
