import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import {
  discloseFigures, disclosurePolicy, monthlyStatisticDisclosureType, MonthlyStatisticBase, scorecardKey,
  type Disclosed, type FigureRule,
} from '@rg/region-scorecard';
import type { WomensFederationContext } from './context';
import type { WomensFederationMonthFigures } from '../figures/monthly-figures';

@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {}

/** Each support case is about one woman: both counts are withheld from the public below the threshold. */
const CONTROLLED: Record<'womenSupportCasesOpened' | 'womenSupportCasesClosed', FigureRule<WomensFederationMonthFigures>> = {
  womenSupportCasesOpened: { count: true, unit: 'support cases' },
  womenSupportCasesClosed: { count: true, unit: 'support cases' },
};
type Controlled = keyof typeof CONTROLLED;

const WomensFederationMonthlyStatisticDisclosure = monthlyStatisticDisclosureType(Object.keys(CONTROLLED) as Controlled[]);

async function disclosed(ctx: WomensFederationContext, row: MonthlyStatisticBase): Promise<Record<Controlled, Disclosed>> {
  const months = await ctx.loaders.monthlyFigures.load(scorecardKey(row.regionCode, row.year));
  const figures = months?.[row.month - 1] ?? { womenSupportCasesOpened: 0, womenSupportCasesClosed: 0 };
  return discloseFigures(figures, CONTROLLED, disclosurePolicy(ctx.viewer));
}

@Resolver(() => MonthlyStatistic)
export class WomensFederationMonthlyStatisticResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'womens-federation: support cases opened in the month; null when withheld, see disclosure' })
  async womenSupportCasesOpened(@Root() row: MonthlyStatistic, @Ctx() ctx: WomensFederationContext) {
    return (await disclosed(ctx, row)).womenSupportCasesOpened.value;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'womens-federation: support cases closed in the month; null when withheld, see disclosure' })
  async womenSupportCasesClosed(@Root() row: MonthlyStatistic, @Ctx() ctx: WomensFederationContext) {
    return (await disclosed(ctx, row)).womenSupportCasesClosed.value;
  }

  @FieldResolver(() => WomensFederationMonthlyStatisticDisclosure, { description: "Which of the month's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  disclosure(@Root() row: MonthlyStatistic, @Ctx() ctx: WomensFederationContext) {
    return disclosed(ctx, row);
  }
}
