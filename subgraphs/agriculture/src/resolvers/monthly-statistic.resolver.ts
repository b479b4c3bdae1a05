import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { MonthlyStatisticBase, scorecardKey } from '@rg/region-scorecard';
import type { AgricultureContext } from './context';

@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {}

@Resolver(() => MonthlyStatistic)
export class AgricultureMonthlyStatisticResolver {
  @FieldResolver(() => Int, { description: 'agriculture: returnee parks opened in the month, as newParks counts them (parks are public records)' })
  async parksOpened(@Root() row: MonthlyStatistic, @Ctx() ctx: AgricultureContext): Promise<number> {
    const months = await ctx.loaders.monthlyFigures.load(scorecardKey(row.regionCode, row.year));
    return months?.[row.month - 1].parksOpened ?? 0;
  }
}
