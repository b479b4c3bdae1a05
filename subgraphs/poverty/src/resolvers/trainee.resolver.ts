import { Authorized, Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { PoorHousehold } from '../entities';
import type { PovertyContext } from './context';

/**
 * hr's trainee as the registry sees it: only the person key. Whether a trainee is poor is
 * the registry's answer, not the trainee's self-declared category.
 */
@ObjectType()
@Directive('@key(fields: "personKey")')
export class Trainee {
  @Field()
  personKey: string;
}

@Resolver(() => Trainee)
export class TraineePovertyResolver {
  // Even null says something about a person (not poor), so the public gets neither answer.
  @Authorized()
  @FieldResolver(() => PoorHousehold, { nullable: true, description: "The registered poor household the person belongs to; null if none" })
  povertyHousehold(@Root() trainee: Trainee, @Ctx() ctx: PovertyContext): Promise<PoorHousehold | null> {
    return ctx.loaders.householdByPersonKey.load(trainee.personKey);
  }
}
