import { Ctx, Directive, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import {
  discloseFigures, disclosurePolicy, monthlyStatisticDisclosureType, MonthlyStatisticBase, scorecardKey,
  type Disclosed, type FigureRule,
} from '@rg/region-scorecard';
import type { HrContext } from './context';
import type { HrMonthFigures } from '../figures/monthly-figures';

@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {
  /** The month's trained people's person-key prefixes; for poverty's matching, not for clients. */
  @Field()
  @Directive('@inaccessible')
  traineeKeySet: string;
}

/** As on the scorecard: trained people and the loan total (by its borrowers) are withheld from the public when few. */
type MonthCounts = Omit<HrMonthFigures, 'traineeKeySet'> & Record<string, number>;

const CONTROLLED: Record<'trained' | 'loansIssuedYuan', FigureRule<MonthCounts>> = {
  trained: { count: true },
  loansIssuedYuan: { totalOf: 'borrowers' },
};
type Controlled = keyof typeof CONTROLLED;

const HrMonthlyStatisticDisclosure = monthlyStatisticDisclosureType(Object.keys(CONTROLLED) as Controlled[]);

async function figures(ctx: HrContext, row: MonthlyStatisticBase): Promise<HrMonthFigures> {
  return (await ctx.loaders.monthlyFigures.load(scorecardKey(row.regionCode, row.year)))![row.month - 1];
}

async function disclosed(ctx: HrContext, row: MonthlyStatisticBase): Promise<Record<Controlled, Disclosed>> {
  const { traineeKeySet: _, ...counts } = await figures(ctx, row);
  return discloseFigures<MonthCounts, Controlled>(counts, CONTROLLED, disclosurePolicy(ctx.viewer));
}

@Resolver(() => MonthlyStatistic)
export class HrMonthlyStatisticResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'hr: people who completed a course in the month; null when withheld, see disclosure' })
  async trained(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext) {
    return (await disclosed(ctx, row)).trained.value;
  }

  @FieldResolver(() => Int, { description: 'hr: ventures opened in the month' })
  async venturesOpened(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext) {
    return (await figures(ctx, row)).venturesOpened;
  }

  @FieldResolver(() => Int, { description: 'hr: jobs created by the ventures opened in the month (带动就业)' })
  async jobsCreated(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext) {
    return (await figures(ctx, row)).jobsCreated;
  }

  @FieldResolver(() => Float, {
    nullable: true, description: "hr: guaranteed start-up loans issued in the month, yuan (the twelve add up to the scorecard's); null when withheld",
  })
  async loansIssuedYuan(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext) {
    return (await disclosed(ctx, row)).loansIssuedYuan.value;
  }

  @FieldResolver(() => HrMonthlyStatisticDisclosure, { description: "Which of the month's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  disclosure(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext) {
    return disclosed(ctx, row);
  }

  @FieldResolver(() => String)
  async traineeKeySet(@Root() row: MonthlyStatistic, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, row)).traineeKeySet;
  }
}
