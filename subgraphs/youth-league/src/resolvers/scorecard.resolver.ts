import { Ctx, Directive, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Indicator, ScorecardBase, indicator } from '@rg/region-scorecard';
import type { YouthLeagueContext } from './context';
import { scorecardKey } from '../figures/scorecard-figures';

@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {}

@Resolver(() => Scorecard)
export class YouthLeagueScorecardResolver {
  @FieldResolver(() => Indicator, { nullable: true, description: 'Success stories published in the region in the year (reported, no target)' })
  async storiesPublished(@Root() card: Scorecard, @Ctx() ctx: YouthLeagueContext): Promise<Indicator> {
    const figures = await ctx.loaders.scorecardFigures.load(scorecardKey(card.regionCode, card.year));
    return indicator(figures?.storiesPublished ?? 0, null); // the policy sets no target: reported, not judged
  }
}
