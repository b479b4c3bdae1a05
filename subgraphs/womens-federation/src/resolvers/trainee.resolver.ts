import { Authorized, Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { WomenSupportCase } from '../entities';
import type { WomensFederationContext } from './context';

/**
 * hr's trainee as the federation sees it: the person key and nothing else (no description,
 * so hr's stands in the composed graph). The federation adds the woman's support cases.
 */
@ObjectType()
@Authorized() // a person, even pseudonymous: signed-in roles only, never the public
@Directive('@key(fields: "personKey")')
export class Trainee {
  @Field()
  personKey: string;
}

/**
 * The contribution to hr's Trainee is a nullable list: were it non-null, the federation being
 * down would null the whole trainee in the gateway's answer instead of just this field.
 */
@Resolver(() => Trainee)
export class TraineeSupportResolver {
  @Authorized()
  @FieldResolver(() => [WomenSupportCase], {
    nullable: true, description: "womens-federation: the woman's support cases (null only if womens-federation is down)",
  })
  womenSupport(@Root() trainee: Trainee, @Ctx() ctx: WomensFederationContext): Promise<WomenSupportCase[]> {
    return ctx.loaders.casesByPersonKey.load(trainee.personKey);
  }
}
