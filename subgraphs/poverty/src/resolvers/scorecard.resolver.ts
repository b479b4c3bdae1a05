import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { disclosureMinCount, Indicator, isSmallCell, ScorecardBase } from '@rg/region-scorecard';
import { ownerOnly } from '@rg/access';
import type { PovertyContext } from './context';
import { matchKeySet, poorCount, poorShare, type FlaggedSubset } from './key-set-match';

/** hr's women trainees: flagged in its trainee set, so the cohort crosses the gateway once. */
const WOMEN_TRAINEES: FlaggedSubset = { of: 'traineeKeySet', flags: 'womenTraineeFlags' };

/**
 * The scorecard as the registry sees it: hr hands over its trained cohort as key sets
 * (@requires), and the registry says which of them are poor. Neither side sees the other's
 * records. A set naming fewer people than the disclosure threshold is refused, whoever asks:
 * the indicator then says so instead of answering a membership test.
 */
@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {
  @Field()
  @Directive('@external')
  traineeKeySet: string;

  @Field()
  @Directive('@external')
  womenTraineeFlags: string;

  // Priority of the poor across support policies (support-priority.resolver.ts): hr's sets.
  @Field()
  @Directive('@external')
  borrowerKeySet: string;

  @Field()
  @Directive('@external')
  womenBorrowerKeySet: string;

  @Field()
  @Directive('@external')
  founderKeySet: string;

  @Field()
  @Directive('@external')
  womenFounderKeySet: string;

  @Field()
  @Directive('@external')
  parkEntrantKeySet: string;

  // The support-case priority check (support-case-check.resolver.ts): womens-federation's set.
  @Field()
  @Directive('@external')
  supportCaseKeySet: string;
}

@Resolver(() => Scorecard)
export class PovertyScorecardResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'Share of trainees (a course completed in the year) in a household registered by then; by the registry, not self-declaration',
  })
  @Directive('@requires(fields: "traineeKeySet")')
  async poorTraineeShare(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorShare(ctx, card, 'traineeKeySet');
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'Women trainees of the year in a household registered by then' })
  @Directive('@requires(fields: "traineeKeySet womenTraineeFlags")')
  async poorWomenTrainees(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<Indicator> {
    return poorCount(ctx, card, WOMEN_TRAINEES);
  }

  /**
   * The poor women trainees themselves, as a key set, for womens-federation's matching. Null
   * when poverty refused hr's set or the poor women are too few to pass on: womens-federation
   * then withholds its share, saying why.
   */
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  @Directive('@requires(fields: "traineeKeySet womenTraineeFlags")')
  async poorWomenTraineeKeySet(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<string | null> {
    const m = await matchKeySet(ctx, card, WOMEN_TRAINEES);
    if (m.refused || isSmallCell(m.poorCount, disclosureMinCount())) return null;
    return m.poor.toString('base64');
  }

  /**
   * hr's trained cohort members who are in the registry, as a key set, for hr's eligibility
   * cross-checks (self-declared poor not in the registry, registry poor under another
   * category). Only for the auditors those checks serve (hr staff, admins); null for anyone
   * else, and when the set was refused.
   */
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  @Directive('@requires(fields: "traineeKeySet")')
  async registryPoorTraineeKeySet(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<string | null> {
    if (!ownerOnly('hr').includes(ctx.viewer.role)) return null;
    const m = await matchKeySet(ctx, card, 'traineeKeySet');
    return m.refused ? null : m.poor.toString('base64');
  }
}
