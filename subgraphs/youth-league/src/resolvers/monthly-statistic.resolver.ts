import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { MonthlyStatisticBase, scorecardKey } from '@rg/region-scorecard';
import type { YouthLeagueContext } from './context';

@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {}

@Resolver(() => MonthlyStatistic)
export class YouthLeagueMonthlyStatisticResolver {
  @FieldResolver(() => Int, { description: 'youth-league: success stories published in the month (published stories are public records)' })
  async storiesPublished(@Root() row: MonthlyStatistic, @Ctx() ctx: YouthLeagueContext): Promise<number> {
    const months = await ctx.loaders.monthlyFigures.load(scorecardKey(row.regionCode, row.year));
    return months?.[row.month - 1].storiesPublished ?? 0;
  }
}
