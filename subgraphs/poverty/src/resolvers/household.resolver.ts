import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { countyCodesFor } from '@rg/region-scorecard';
import { paginate, PageArgs } from '@rg/data-helpers';
import { HouseholdMember, PoorHousehold } from '../entities';
import type { PovertyContext } from './context';
import { PoorHouseholdConnection, PoorHouseholdFilter } from './household-types';

@Resolver(() => PoorHousehold)
export class PoorHouseholdResolver {
  @Authorized()
  @Query(() => PoorHousehold, { nullable: true })
  poorHousehold(@Arg('id', () => ID) id: string, @Ctx() ctx: PovertyContext): Promise<PoorHousehold | null> {
    const numeric = Number(id);
    return Number.isInteger(numeric) ? ctx.loaders.householdById.load(numeric) : Promise.resolve(null);
  }

  @Authorized()
  @Query(() => PoorHouseholdConnection)
  poorHouseholds(
    @Arg('filter', () => PoorHouseholdFilter, { nullable: true }) filter: PoorHouseholdFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PovertyContext,
  ): Promise<PoorHouseholdConnection> {
    const query = ctx.dataSource.getRepository(PoorHousehold).createQueryBuilder('h');
    if (filter?.regionCode) query.andWhere('h.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.cause) query.andWhere('h.cause = :cause', { cause: filter.cause });
    if (filter?.registeredYear) query.andWhere('h.registered_year = :registeredYear', { registeredYear: filter.registeredYear });
    if (filter?.exited === true) query.andWhere('h.exited_year IS NOT NULL');
    if (filter?.exited === false) query.andWhere('h.exited_year IS NULL');
    if (filter?.exitedYear) query.andWhere('h.exited_year = :exitedYear', { exitedYear: filter.exitedYear });
    return paginate(query, page);
  }

  @FieldResolver(() => [HouseholdMember], { description: 'Members as registered, head first' })
  registeredMembers(@Root() household: PoorHousehold, @Ctx() ctx: PovertyContext): Promise<HouseholdMember[]> {
    return ctx.loaders.membersByHousehold.load(household.id);
  }

  /** What hr needs for PoorHousehold.members (@requires): keys, never names or citizen IDs. */
  @FieldResolver(() => [String], { description: "Members' pseudonymous person keys" })
  async memberPersonKeys(@Root() household: PoorHousehold, @Ctx() ctx: PovertyContext): Promise<string[]> {
    return (await ctx.loaders.membersByHousehold.load(household.id)).map((m) => m.personKey);
  }
}

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver {
  @FieldResolver(() => PoorHousehold)
  async household(@Root() member: HouseholdMember, @Ctx() ctx: PovertyContext): Promise<PoorHousehold> {
    return (await ctx.loaders.householdById.load(member.householdId))!;
  }
}
