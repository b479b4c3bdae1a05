import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { YouthLeagueContext } from './context';
import { visibleStory } from './drafts';

/**
 * How the gateway's entity references become youth-league objects. Stories load through a
 * per-request loader; hr's Trainee and Venture are stubs whose key is all youth-league needs
 * (their fields here resolve through loaders keyed by it).
 */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  SuccessStory: {
    __resolveReference(ref: { id: string }, ctx: YouthLeagueContext) {
      const id = Number(ref.id);
      return Number.isInteger(id) ? visibleStory(ctx, ctx.loaders.storyById.load(id)) : null;
    },
  },
  Trainee: {
    __resolveReference(ref: { personKey: string }) {
      return { personKey: ref.personKey };
    },
  },
  Venture: {
    __resolveReference(ref: { id: string }) {
      return { id: String(ref.id) };
    },
  },
};
