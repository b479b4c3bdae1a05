import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { Trainee } from '../entities';
import type { HrContext } from './context';

/**
 * poverty's household as hr sees it: poverty hands over the members' person keys (@requires)
 * and hr answers which of them are trainees. hr never sees the registry itself.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class PoorHousehold {
  @Field(() => ID)
  id: string;

  @Field(() => [String])
  @Directive('@external')
  memberPersonKeys: string[];
}

@Resolver(() => PoorHousehold)
export class PoorHouseholdMembersResolver {
  @Authorized()
  @FieldResolver(() => [Trainee], { description: "Members of the household who are hr's trainees" })
  @Directive('@requires(fields: "memberPersonKeys")')
  async members(@Root() household: PoorHousehold, @Ctx() ctx: HrContext): Promise<Trainee[]> {
    const trainees = await ctx.loaders.traineeByPersonKey.loadMany(household.memberPersonKeys ?? []);
    return trainees.filter((t): t is Trainee => t !== null && !(t instanceof Error));
  }
}
