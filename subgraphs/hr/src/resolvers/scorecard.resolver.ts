import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Indicator, ScorecardBase, disclosedIndicator, disclosurePolicy, indicator, suppressCount, suppressShare, suppressTotal } from '@rg/region-scorecard';
import { ratio } from '@rg/scorecard';
import type { HrContext } from './context';
import { scorecardKey, type HrScorecardFigures } from '../figures/scorecard-figures';

@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {
  /** The trained cohort's person-key prefixes; for poverty's matching, not for clients. */
  @Field()
  @Directive('@inaccessible')
  traineeKeySet: string;

  @Field()
  @Directive('@inaccessible')
  womenTraineeKeySet: string;

  /** poverty's answer to traineeKeySet: the cohort's registry-poor, for the eligibility cross-checks. */
  @Field(() => String, { nullable: true })
  @Directive('@external')
  registryPoorTraineeKeySet?: string | null;
}

async function figures(ctx: HrContext, card: ScorecardBase): Promise<HrScorecardFigures> {
  return (await ctx.loaders.scorecardFigures.load(scorecardKey(card.regionCode, card.year)))!;
}

/**
 * Trained people, pass and opening rates and loans count people: withheld from the public
 * below the disclosure threshold. Jobs per venture and survival are computed from venture
 * records the public can list (`ventures(filter)`), so they are shown as they are.
 */
@Resolver(() => Scorecard)
export class HrScorecardResolver {
  @FieldResolver(() => Indicator, { nullable: true, description: 'People trained (a course completed in the year); ≥ 1,500 per city' })
  async trained(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    return disclosedIndicator('trained', card.regionCode, suppressCount((await figures(ctx, card)).trained, disclosurePolicy(ctx.viewer)));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Share of completed courses passed; ≥ 80 %' })
  async passRate(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator('passRate', card.regionCode, suppressShare(f.passes, f.completions, disclosurePolicy(ctx.viewer)));
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of trainees first trained in the year who opened a venture within six months; ≥ 50 %',
  })
  async openingRate6m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    const share = suppressShare(f.openedWithinWindow, f.openingCohort, disclosurePolicy(ctx.viewer));
    return disclosedIndicator('openingRate6m', card.regionCode, share);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Jobs created per venture opened in the year; ≥ 4 (Jiangsu)' })
  async jobsPerVenture(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return indicator('jobsPerVenture', card.regionCode, ratio(f.jobsCreated, f.ventures));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Share of ventures opened in the year still operating a year later; ≥ 80 %' })
  async survivalRate1y(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return indicator('survivalRate1y', card.regionCode, ratio(f.survivedOneYear, f.ventures));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Guaranteed start-up loans issued in the year, yuan' })
  async loansIssuedYuan(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator('loansIssuedYuan', card.regionCode, suppressTotal(f.loansIssuedYuan, f.borrowers, disclosurePolicy(ctx.viewer)));
  }

  @FieldResolver(() => String)
  async traineeKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).traineeKeySet;
  }

  @FieldResolver(() => String)
  async womenTraineeKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).womenTraineeKeySet;
  }
}
