import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * hr's entities as youth-league sees them: the key and nothing else. youth-league adds its
 * own fields to them (trainee.resolver.ts, venture.resolver.ts); hr resolves the rest. No
 * descriptions here, so hr's own descriptions of its types stand in the composed graph.
 */
@ObjectType()
@Authorized() // a person, even pseudonymous: signed-in roles only, never the public
@Directive('@key(fields: "personKey")')
export class Trainee {
  @Field()
  personKey: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Venture {
  @Field(() => ID)
  id: string;
}

export const traineeStub = (personKey: string): Trainee => ({ personKey });
export const ventureStub = (id: number): Venture => ({ id: String(id) });
