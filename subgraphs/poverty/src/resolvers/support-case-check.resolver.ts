import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ownerOnly } from '@rg/access';
import { HouseholdMember, PoorHousehold } from '../entities';
import type { PovertyContext } from './context';
import { Scorecard } from './scorecard.resolver';
import { inRegistryInYear, registryMatchKey } from '../figures/registry-match';

/** Who may see the registry's answer about a support case's woman: those who may see the case's personal data. */
const CASE_AUDITORS = ownerOnly('womens-federation');

/**
 * womens-federation's support case as the registry sees it: the federation hands over the
 * woman's person key and the opening day (@requires), and the registry says whether she was in
 * a registered household then, instead of what staff typed in `poorPriority`.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class WomenSupportCase {
  @Field(() => ID)
  id: string;

  @Field()
  @Directive('@external')
  personKey: string;

  @Field(() => LocalDateResolver)
  @Directive('@external')
  openedOn: string;
}

/** A support-case finding: the registry adds its own record ids by the woman's person key. */
@ObjectType()
@Directive('@key(fields: "id")')
export class SupportCaseFinding {
  @Field(() => ID)
  id: string;

  @Field()
  @Directive('@external')
  personKey: string;
}

/** The registry's member record of a person, read for another department: audited. */
async function memberFor(ctx: PovertyContext, personKey: string): Promise<HouseholdMember | null> {
  return ctx.loaders.memberByPersonKey.load(personKey);
}

@Resolver(() => WomenSupportCase)
export class SupportCaseRegistryResolver {
  @Authorized(CASE_AUDITORS)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "The registry's answer: the woman was in a registered household, not exited before the year the case opened "
      + '(exits are decided at the year\'s review). Womens-federation staff and admins; compare poorPriority, which staff type',
  })
  @Directive('@requires(fields: "personKey openedOn")')
  async registryPoor(@Root() supportCase: WomenSupportCase, @Ctx() ctx: PovertyContext): Promise<boolean> {
    const member = await memberFor(ctx, supportCase.personKey);
    // A personal answer for another department either way ("not in the registry" too): the
    // check is audited by the case it was asked for, and the member record when there is one.
    ctx.audit.read('RegistryCheck', `WomenSupportCase:${supportCase.id}`);
    if (!member) return false;
    ctx.audit.read('HouseholdMember', member.id);
    const household = await ctx.loaders.householdById.load(member.householdId);
    return household !== null && inRegistryInYear(household, Number(String(supportCase.openedOn).slice(0, 4)));
  }
}

@Resolver(() => Scorecard)
export class SupportCaseScorecardResolver {
  /**
   * The women of the year's support cases who were in the registry during the year, as a key
   * set for the federation's eligibility findings. Only for the auditors those findings serve
   * (womens-federation staff, admins); null for anyone else, and when the set was refused.
   */
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  @Directive('@requires(fields: "supportCaseKeySet")')
  async registryPoorSupportKeySet(@Root() card: Scorecard, @Ctx() ctx: PovertyContext): Promise<string | null> {
    if (!CASE_AUDITORS.includes(ctx.viewer.role)) return null;
    if (typeof card.supportCaseKeySet !== 'string') return null;
    const m = await ctx.loaders.registryStandings.load(registryMatchKey(card.year, card.supportCaseKeySet));
    return !m || m.refused ? null : m.poor.toString('base64');
  }
}

@Resolver(() => SupportCaseFinding)
export class SupportCaseFindingPovertyResolver {
  @Authorized(CASE_AUDITORS)
  @FieldResolver(() => HouseholdMember, { nullable: true, description: "The registry's member record of the woman; null if none" })
  @Directive('@requires(fields: "personKey")')
  registryMember(@Root() finding: SupportCaseFinding, @Ctx() ctx: PovertyContext): Promise<HouseholdMember | null> {
    return memberFor(ctx, finding.personKey);
  }

  @Authorized(CASE_AUDITORS)
  @FieldResolver(() => PoorHousehold, { nullable: true, description: "The registry's household of the woman; null if none" })
  @Directive('@requires(fields: "personKey")')
  async registryHousehold(@Root() finding: SupportCaseFinding, @Ctx() ctx: PovertyContext): Promise<PoorHousehold | null> {
    const member = await memberFor(ctx, finding.personKey);
    return member ? ctx.loaders.householdById.load(member.householdId) : null;
  }
}
