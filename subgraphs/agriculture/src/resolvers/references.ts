import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { AgricultureContext } from './context';
import type { Venture } from './venture.resolver';

/** How the gateway's entity references become agriculture rows, each through a per-request loader. */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  IncubatorPark: {
    __resolveReference(ref: { id: string }, ctx: AgricultureContext) {
      const id = Number(ref.id);
      return Number.isInteger(id) ? ctx.loaders.parkById.load(id) : null;
    },
  },
  // Any venture id is a venture to agriculture: hr owns the record, `park` answers from here.
  Venture: {
    __resolveReference(ref: { id: string }): Venture {
      return { id: ref.id };
    },
  },
};
