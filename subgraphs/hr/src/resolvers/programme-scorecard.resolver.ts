import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Indicator, disclosedIndicator, disclosurePolicy, suppressCount, suppressShare, suppressTotal } from '@rg/region-scorecard';
import { targetFor } from '@rg/policy-targets';
import type { HrContext } from './context';
import { Scorecard } from './scorecard.resolver';
import { scorecardKey } from '../figures/scorecard-figures';
import type { HrProgrammeFigures } from '../figures/programme-figures';

async function figures(ctx: HrContext, card: Scorecard): Promise<HrProgrammeFigures> {
  return (await ctx.loaders.programmeFigures.load(scorecardKey(card.regionCode, card.year)))!;
}

/**
 * The survey's and the follow-up's indicators. All count people, so each goes through
 * disclosure control: shares by their three cells, totals by the trainees they rest on.
 */
@Resolver(() => Scorecard)
export class HrProgrammeScorecardResolver {
  @FieldResolver(() => Indicator, { nullable: true, description: 'People surveyed in the year who want training (培训意愿)' })
  async wishingToTrain(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressCount(f.wishingToTrain, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of the people surveyed in the year who want training that completed a course that year; target: all of them',
  })
  async trainingWishesMet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(
      suppressShare(f.wishingToTrainTrained, f.wishingToTrain, disclosurePolicy(ctx.viewer)), await targetFor(ctx, 'trainingWishesMet', card));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Share of the first-trained of the year visited within six months of completing' })
  async followUpCoverage6m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressShare(f.visitedWithin6m, f.followUpCohort, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Share of the first-trained of the year visited within twelve months of completing' })
  async followUpCoverage12m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressShare(f.visitedWithin12m, f.followUpCohort, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, {
    nullable: true, description: 'Share of the first-trained of the year who opened no business and were found in work at a follow-up visit',
  })
  async nonFounderEmploymentRate(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressShare(f.nonFoundersEmployed, f.nonFounders, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, { nullable: true, description: "Jobs reported at the six-month wave's latest visit, first-trained of the year" })
  async followUpJobs6m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressTotal(f.jobs6m, f.reported6m, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, { nullable: true, description: "Jobs reported at the twelve-month wave's latest visit, first-trained of the year" })
  async followUpJobs12m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressTotal(f.jobs12m, f.reported12m, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, { nullable: true, description: "Output value reported at the six-month wave's latest visit, yuan" })
  async followUpOutputYuan6m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressTotal(f.output6m, f.reported6m, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }

  @FieldResolver(() => Indicator, { nullable: true, description: "Output value reported at the twelve-month wave's latest visit, yuan" })
  async followUpOutputYuan12m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressTotal(f.output12m, f.reported12m, disclosurePolicy(ctx.viewer)), null); // the plan sets no target
  }
}
