import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { HouseholdMember, PoorHousehold } from '../entities';
import type { PovertyContext } from './context';

/**
 * hr's eligibility finding as the registry sees it: hr hands over the person key (@requires)
 * and the registry answers with its own record ids, for the auditors (hr staff, admins).
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class EligibilityFinding {
  @Field(() => ID)
  id: string;

  @Field()
  @Directive('@external')
  personKey: string;
}

@Resolver(() => EligibilityFinding)
export class EligibilityFindingPovertyResolver {
  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => HouseholdMember, { nullable: true, description: "The registry's member record of the person; null if none" })
  @Directive('@requires(fields: "personKey")')
  registryMember(@Root() finding: EligibilityFinding, @Ctx() ctx: PovertyContext): Promise<HouseholdMember | null> {
    return ctx.loaders.memberByPersonKey.load(finding.personKey);
  }

  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => PoorHousehold, { nullable: true, description: "The registry's household of the person; null if none" })
  @Directive('@requires(fields: "personKey")')
  async registryHousehold(@Root() finding: EligibilityFinding, @Ctx() ctx: PovertyContext): Promise<PoorHousehold | null> {
    const member = await ctx.loaders.memberByPersonKey.load(finding.personKey);
    return member ? ctx.loaders.householdById.load(member.householdId) : null;
  }
}
