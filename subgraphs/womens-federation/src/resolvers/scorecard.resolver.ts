import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput } from '@rg/api-errors';
import { disclosedIndicator, disclosureMinCount, disclosurePolicy, Indicator, refusedKeySetNote, ScorecardBase, suppressCount, suppressed, suppressShare, withheldKeySetNote } from '@rg/region-scorecard';
import type { WomensFederationContext } from './context';
import { scorecardKey, supportedShareKey } from '../figures/scorecard-figures';

/**
 * The federation's part of the scorecard. Who the poor women trainees are is poverty's
 * knowledge (registry × hr's cohort): poverty hands the set over as prefixes (@requires), and
 * the federation answers how many of them it has supported. Neither sees the other's records.
 * poverty withholds the set (null) when it names fewer people than the disclosure threshold,
 * and the federation refuses such a set itself too; the share then says why it is missing.
 */
@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {
  @Field(() => String, { nullable: true })
  @Directive('@external')
  poorWomenTraineeKeySet: string | null;

  /** poverty's answer to supportCaseKeySet, for the support-case findings (support-case-findings.resolver.ts). */
  @Field(() => String, { nullable: true })
  @Directive('@external')
  registryPoorSupportKeySet?: string | null;
}

@Resolver(() => Scorecard)
export class WomensFederationScorecardResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of the poor women trained in the year who have a support case opened by the end of it',
  })
  @Directive('@requires(fields: "poorWomenTraineeKeySet")')
  async poorWomenSupportedShare(@Root() card: Scorecard, @Ctx() ctx: WomensFederationContext): Promise<Indicator> {
    // Only the gateway can fetch the set from poverty; a direct query cannot be answered honestly.
    if (card.poorWomenTraineeKeySet === null) {
      return disclosedIndicator(suppressed(withheldKeySetNote(disclosureMinCount(), 'poverty')), null);
    }
    if (typeof card.poorWomenTraineeKeySet !== 'string') {
      throw badUserInput('poorWomenTraineeKeySet', 'is required: ask for this indicator through the gateway');
    }
    const share = await ctx.loaders.supportedShares.load(supportedShareKey(card.year, card.poorWomenTraineeKeySet));
    const disclosed = share.refused
      ? suppressed(refusedKeySetNote(disclosureMinCount(), 'womens-federation'))
      : suppressShare(share.supported, share.people, disclosurePolicy(ctx.viewer));
    return disclosedIndicator(disclosed, null);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Support cases opened in the region in the year (reported, no target)' })
  async womenSupportCasesOpened(@Root() card: Scorecard, @Ctx() ctx: WomensFederationContext): Promise<Indicator> {
    const figures = await ctx.loaders.scorecardFigures.load(scorecardKey(card.regionCode, card.year));
    const opened = suppressCount(figures?.womenSupportCasesOpened ?? 0, disclosurePolicy(ctx.viewer), 'support cases');
    return disclosedIndicator(opened, null);
  }
}
