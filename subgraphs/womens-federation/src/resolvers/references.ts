import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { WomensFederationContext } from './context';

/**
 * How the gateway's entity references become federation objects. Cases load through a
 * per-request loader; hr's Trainee is a stub whose person key is all the federation needs.
 * Scorecard (from the kit) returns the representation itself, which carries poverty's
 * poorWomenTraineeKeySet for @requires.
 */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  WomenSupportCase: {
    __resolveReference(ref: { id: string }, ctx: WomensFederationContext) {
      const id = Number(ref.id);
      return Number.isInteger(id) ? ctx.loaders.caseById.load(id) : null;
    },
  },
  Trainee: {
    __resolveReference(ref: { personKey: string }) {
      return { personKey: ref.personKey };
    },
  },
};
