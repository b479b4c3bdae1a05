import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AgricultureContext } from './context';
import { Scorecard } from './scorecard.resolver';
import { scorecardKey } from '../figures/scorecard-figures';

/**
 * The first link of the park-places chain (poorParkEntrantShare): the ids of the ventures
 * that entered a park of the region in the year, for hr to turn into its founders' key set.
 * Venture ids are not personal, and the field never reaches a client (@inaccessible).
 */
@Resolver(() => Scorecard)
export class ParkEntrantScorecardResolver {
  @FieldResolver(() => [Int])
  @Directive('@inaccessible')
  parkEntrantVentureIds(@Root() card: Scorecard, @Ctx() ctx: AgricultureContext): Promise<number[]> {
    return ctx.loaders.parkEntrantVentureIds.load(scorecardKey(card.regionCode, card.year));
  }
}
