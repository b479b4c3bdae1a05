import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { badUserInput } from '@rg/api-errors';
import { disclosedIndicator, disclosurePolicy, Indicator, indicator, ScorecardBase, suppressShare } from '@rg/region-scorecard';
import type { HrContext } from './context';
import { Scorecard } from './scorecard.resolver';
import { scorecardKey } from '../figures/scorecard-figures';
import type { HrSupportPriorityFigures } from '../figures/support-priority-figures';

async function figures(ctx: HrContext, card: ScorecardBase): Promise<HrSupportPriorityFigures> {
  return (await ctx.loaders.supportPriorityFigures.load(scorecardKey(card.regionCode, card.year)))!;
}

/**
 * hr's part of measuring the priority of the poor for loans, ventures and park places (000
 * §3.1): the people concerned as key sets for poverty's matching (@inaccessible, the way
 * traineeKeySet is), and the year's returnee ventures whether or not their founder trained.
 * The count of ventures is of records the public can list (`ventures(filter)`), so it is
 * shown as it is; the trained share is about people and goes through disclosure control.
 */
@Resolver(() => Scorecard)
export class SupportPriorityScorecardResolver {
  @FieldResolver(() => String)
  @Directive('@inaccessible')
  async borrowerKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).borrowerKeySet;
  }

  @FieldResolver(() => String)
  @Directive('@inaccessible')
  async womenBorrowerKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).womenBorrowerKeySet;
  }

  @FieldResolver(() => String)
  @Directive('@inaccessible')
  async founderKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).founderKeySet;
  }

  @FieldResolver(() => String)
  @Directive('@inaccessible')
  async womenFounderKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    return (await figures(ctx, card)).womenFounderKeySet;
  }

  /** The second link of the park-places chain: agriculture's entrants → their founders → poverty. */
  @FieldResolver(() => String)
  @Directive('@inaccessible')
  @Directive('@requires(fields: "parkEntrantVentureIds")')
  parkEntrantKeySet(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<string> {
    const ids = card.parkEntrantVentureIds;
    if (!Array.isArray(ids)) throw badUserInput('parkEntrantVentureIds', 'is required: ask for this indicator through the gateway');
    if (!ids.every((id) => Number.isInteger(id) && id > 0)) throw badUserInput('parkEntrantVentureIds', 'must be venture ids');
    return ctx.loaders.parkEntrantKeySets.load([...ids].sort((a, b) => a - b).join(','));
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Ventures opened in the year by returnees in the programme, whether or not the founder trained (notices 001/002 count them all)',
  })
  async returneeVentures(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    return indicator((await figures(ctx, card)).returneeVentures, null);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of the ventures opened in the year whose founder had completed a course by the opening day (no target)',
  })
  async trainedFounderShare(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const f = await figures(ctx, card);
    // Whether founders trained is about people (Venture.founderTrained is not public): a few founders are withheld.
    return disclosedIndicator(suppressShare(f.trainedFounderVentures, f.returneeVentures, disclosurePolicy(ctx.viewer)), null);
  }
}
