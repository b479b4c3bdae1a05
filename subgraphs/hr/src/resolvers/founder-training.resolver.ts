import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Venture } from '../entities';
import type { HrContext } from './context';

/**
 * Whether a venture's founder trained. hr's trainee register is its register of the
 * programme's returnees: a returnee who founds a business without any course is registered
 * like everyone else and simply has no completed course (first completion null), so
 * `Venture.founder` stays a register record and the notices' count of every returnee
 * entrepreneur is the count of ventures. Training outcomes (openingRate6m) count only the
 * trained: their cohort is the year's first completions.
 */
@Resolver(() => Venture)
export class FounderTrainingResolver {
  // Says whether a (named) person attended a course: signed-in roles only, as Trainee is.
  @Authorized()
  @FieldResolver(() => Boolean, { description: 'The founder had completed a course on or before the day the venture opened' })
  async founderTrained(@Root() venture: Venture, @Ctx() ctx: HrContext): Promise<boolean> {
    const founder = await ctx.loaders.traineeById.load(venture.founderId);
    return founderTrainedBy(founder?.firstCompletedOn ?? null, venture.openedOn);
  }
}

/** Dates are ISO days, so they compare as strings. */
export function founderTrainedBy(firstCompletedOn: string | null, openedOn: string): boolean {
  return firstCompletedOn !== null && firstCompletedOn <= openedOn;
}

/** The same judgement as SQL over `venture v` and its founder `trainee t`, for the ventures filter. */
export const FOUNDER_TRAINED_SQL = 'EXISTS (SELECT 1 FROM trainee t WHERE t.id = v.founder_id AND t.first_completed_on <= v.opened_on)';
