import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { HrContext } from './context';

/** How the gateway's entity references become hr rows, each through a per-request loader. */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  Trainee: {
    __resolveReference(ref: { id?: string; personKey?: string }, ctx: HrContext) {
      if (ref.id !== undefined) return ctx.loaders.traineeById.load(Number(ref.id));
      return ctx.loaders.traineeByPersonKey.load(ref.personKey!);
    },
  },
  Venture: {
    __resolveReference(ref: { id: string }, ctx: HrContext) {
      return ctx.loaders.ventureById.load(Number(ref.id));
    },
  },
  // Any park id is a park to hr: agriculture owns the record, `designations` answers from here.
  IncubatorPark: {
    __resolveReference(ref: { id: string }) {
      return { id: ref.id };
    },
  },
  PoorHousehold: {
    __resolveReference(ref: { id: string; memberPersonKeys?: string[] }) {
      return ref;
    },
  },
};
