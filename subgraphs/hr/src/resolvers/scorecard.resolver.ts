import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import {
  Indicator, NOT_YET, ScorecardBase, disclosedIndicator, disclosurePolicy, indicator, shown, suppressCount, suppressShare, suppressTotal,
} from '@rg/region-scorecard';
import { targetFor } from '@rg/policy-targets';
import { ratio, type IndicatorName } from '@rg/scorecard';
import type { HrContext } from './context';
import { scorecardKey, type HrScorecardFigures } from '../figures/scorecard-figures';
import type { HrCohortKeySets } from '../figures/cohort-key-sets';

@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {
  /** The trained cohort's person-key prefixes; for poverty's matching, not for clients. */
  @Field()
  @Directive('@inaccessible')
  traineeKeySet: string;

  /** The women of traineeKeySet, a bit per prefix (key-set-flags.ts): the set once, not a second copy of their keys. */
  @Field()
  @Directive('@inaccessible')
  womenTraineeFlags: string;

  /** poverty's answer to traineeKeySet: the cohort's registry-poor, for the eligibility cross-checks. */
  @Field(() => String, { nullable: true })
  @Directive('@external')
  registryPoorTraineeKeySet?: string | null;

  // Priority of the poor across support policies (support-priority.resolver.ts).
  /** agriculture's ventures given a park place in the region's year, for parkEntrantKeySet. */
  @Field(() => [Int])
  @Directive('@external')
  parkEntrantVentureIds?: number[];
}

async function figures(ctx: HrContext, card: ScorecardBase): Promise<HrScorecardFigures> {
  return (await ctx.loaders.scorecardFigures.load(scorecardKey(card.regionCode, card.year)))!;
}

async function keySets(ctx: HrContext, card: ScorecardBase): Promise<HrCohortKeySets> {
  return (await ctx.loaders.cohortKeySets.load(scorecardKey(card.regionCode, card.year)))!;
}

const target = (ctx: HrContext, name: IndicatorName, card: ScorecardBase) => targetFor(ctx, name, card);

/**
 * Why an outcome that needs time is not judged: some of the year's cohort had not had that
 * time by the reference date. They are left out of the figure rather than counted as failures
 * (or, for survival, as survivors), and the figure is not judged until none is left out.
 */
export function tooRecentNote(indicator: 'openingRate6m' | 'survivalRate1y', year: number, referenceDate: string): string {
  return indicator === 'openingRate6m'
    ? `not judged: trainees first trained in ${year} whose six months had not passed by ${referenceDate} are not counted yet`
    : `not judged: ventures opened in ${year} less than a year before ${referenceDate} are not counted yet`;
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
    const trained = suppressCount((await figures(ctx, card)).trained, disclosurePolicy(ctx.viewer));
    return disclosedIndicator(trained, await target(ctx, 'trained', card));
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Share of completed courses passed; ≥ 80 %' })
  async passRate(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return disclosedIndicator(suppressShare(f.passes, f.completions, disclosurePolicy(ctx.viewer)), await target(ctx, 'passRate', card));
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of trainees first trained in the year who opened a venture within six months, of those whose six months '
      + 'had passed by the reference date; ≥ 50 %. Not judged (met null, note says why) while some have not',
  })
  async openingRate6m(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    const share = f.openingCohort === 0 && f.openingTooRecent > 0
      ? NOT_YET : suppressShare(f.openedWithinWindow, f.openingCohort, disclosurePolicy(ctx.viewer));
    const unjudged = f.openingTooRecent > 0 ? tooRecentNote('openingRate6m', card.year, f.referenceDate) : null;
    return disclosedIndicator(share, await target(ctx, 'openingRate6m', card), unjudged);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Jobs created per venture opened in the year; ≥ 4 (Jiangsu)' })
  async jobsPerVenture(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    return indicator(ratio(f.jobsCreated, f.ventures), await target(ctx, 'jobsPerVenture', card));
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of ventures opened in the year still operating a year later, of those at least a year old at the reference '
      + 'date; ≥ 80 %. Not judged (met null, note says why) while some are younger',
  })
  async survivalRate1y(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    const rate = f.survivalCohort === 0 && f.survivalTooRecent > 0 ? NOT_YET : shown(ratio(f.survivedOneYear, f.survivalCohort));
    const unjudged = f.survivalTooRecent > 0 ? tooRecentNote('survivalRate1y', card.year, f.referenceDate) : null;
    return disclosedIndicator(rate, await target(ctx, 'survivalRate1y', card), unjudged);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Guaranteed start-up loans issued in the year, yuan; against the target derived for Jiangsu (docs/TARGETS.md)' })
  async loansIssuedYuan(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    const total = suppressTotal(f.loansIssuedYuan, f.borrowers, disclosurePolicy(ctx.viewer));
    return disclosedIndicator(total, await target(ctx, 'loansIssuedYuan', card));
  }

  @FieldResolver(() => String)
  async traineeKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await keySets(ctx, card)).traineeKeySet;
  }

  @FieldResolver(() => String)
  async womenTraineeFlags(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await keySets(ctx, card)).womenTraineeFlags;
  }
}
