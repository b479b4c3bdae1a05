import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Indicator } from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import { Scorecard } from './scorecard.resolver';
import { poorCount, poorShare } from './key-set-match';

/**
 * Poor people and poor women come first for every support policy (000 §3.1), not only for
 * training: the same measurement as poorTraineeShare / poorWomenTrainees, over the year's
 * guaranteed-loan borrowers, venture founders and park entrants. hr hands the people over as
 * key sets (for park places after agriculture has named the ventures), the registry says
 * which are poor, and nothing personal crosses. Every set of a request is matched in one
 * statement (registryMatches), and a set of too few people is refused as for training. No
 * notice sets a figure for these shares, so they are reported, not judged.
 */
@Resolver(() => Scorecard)
export class SupportPriorityPovertyResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: "Share of the year's guaranteed start-up loan borrowers in a household registered by then; by the registry",
  })
  @Directive('@requires(fields: "borrowerKeySet")')
  poorBorrowerShare(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorShare(ctx, card, 'borrowerKeySet');
  }

  @FieldResolver(() => Indicator, { nullable: true, description: "Women among the year's borrowers in a household registered by then" })
  @Directive('@requires(fields: "womenBorrowerKeySet")')
  poorWomenBorrowers(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorCount(ctx, card, 'womenBorrowerKeySet');
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of the founders of ventures opened in the year in a household registered by then; by the registry',
  })
  @Directive('@requires(fields: "founderKeySet")')
  poorFounderShare(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorShare(ctx, card, 'founderKeySet');
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Women founders of ventures opened in the year in a household registered by then' })
  @Directive('@requires(fields: "womenFounderKeySet")')
  poorWomenFounders(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorCount(ctx, card, 'womenFounderKeySet');
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: "Share of the founders whose ventures entered an incubator park of the region in the year (agriculture's residencies) "
      + 'in a household registered by then; by the registry',
  })
  @Directive('@requires(fields: "parkEntrantKeySet")')
  poorParkEntrantShare(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorShare(ctx, card, 'parkEntrantKeySet');
  }
}
