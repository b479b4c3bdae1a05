import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { WomenSupportCase } from '../entities';
import type { WomensFederationContext } from './context';

/**
 * hr's trainee as the federation sees it: the person key and nothing else (no description,
 * so hr's stands in the composed graph). The federation adds the woman's support cases.
 */
@ObjectType()
@Directive('@key(fields: "personKey")')
export class Trainee {
  @Field()
  personKey: string;
}

@Resolver(() => Trainee)
export class TraineeSupportResolver {
  @FieldResolver(() => [WomenSupportCase], { description: "womens-federation: the woman's support cases" })
  womenSupport(@Root() trainee: Trainee, @Ctx() ctx: WomensFederationContext): Promise<WomenSupportCase[]> {
    return ctx.loaders.casesByPersonKey.load(trainee.personKey);
  }
}
