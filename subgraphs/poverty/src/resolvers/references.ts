import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import type { Trainee } from './trainee.resolver';

/** How the gateway's entity references become registry rows, each through a per-request loader. */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  PoorHousehold: {
    __resolveReference(ref: { id: string }, ctx: PovertyContext) {
      const id = Number(ref.id);
      return Number.isInteger(id) ? ctx.loaders.householdById.load(id) : null;
    },
  },
  // The finding is hr's; the registry answers from the person key the gateway hands over.
  EligibilityFinding: {
    __resolveReference(ref: { id: string; personKey?: string }) {
      return ref;
    },
  },
  // The support case and its finding are the federation's; the registry answers from what the gateway hands over.
  WomenSupportCase: {
    __resolveReference(ref: { id: string; personKey?: string; openedOn?: string }) {
      return ref;
    },
  },
  SupportCaseFinding: {
    __resolveReference(ref: { id: string; personKey?: string }) {
      return ref;
    },
  },
  // Any person key is a trainee to the registry: hr owns the record, povertyHousehold answers from here.
  Trainee: {
    __resolveReference(ref: { personKey: string }): Trainee {
      return { personKey: ref.personKey };
    },
  },
};
