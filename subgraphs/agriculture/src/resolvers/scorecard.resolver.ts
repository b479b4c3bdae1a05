import { Ctx, Directive, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Indicator, ScorecardBase, indicator } from '@rg/region-scorecard';
import { targetFor } from '@rg/policy-targets';
import type { AgricultureContext } from './context';
import { scorecardKey } from '../figures/scorecard-figures';

@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {}

@Resolver(() => Scorecard)
export class AgricultureScorecardResolver {
  @FieldResolver(() => Indicator, { nullable: true, description: 'Returnee parks opened in the year (other incubators do not count); province: 20 over 2016–2020, four a year' })
  async newParks(@Root() card: Scorecard, @Ctx() ctx: AgricultureContext): Promise<Indicator> {
    const figures = await ctx.loaders.scorecardFigures.load(scorecardKey(card.regionCode, card.year));
    return indicator(figures?.newParks ?? 0, await targetFor(ctx, 'newParks', card));
  }
}
