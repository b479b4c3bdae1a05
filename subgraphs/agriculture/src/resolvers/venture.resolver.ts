import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { IncubatorPark, Residency } from '../entities';
import type { AgricultureContext } from './context';

/**
 * hr's venture as agriculture sees it: only its id. agriculture contributes where it is
 * incubated; everything else about the venture comes from hr through the gateway.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Venture {
  @Field(() => ID)
  id: string;
}

export function ventureStub(ventureId: number): Venture {
  return { id: String(ventureId) };
}

@Resolver(() => Venture)
export class VentureParkResolver {
  @FieldResolver(() => IncubatorPark, { nullable: true, description: 'The park the venture resides in now; null if none' })
  async park(@Root() venture: Venture, @Ctx() ctx: AgricultureContext): Promise<IncubatorPark | null> {
    const id = Number(venture.id);
    if (!Number.isInteger(id)) return null;
    return ctx.loaders.parkOfVenture.load(id);
  }

  @FieldResolver(() => [Residency], {
    description: "The venture's park history: every stay, ended ones included, oldest first (a release ends a stay, it never deletes it)",
  })
  async residencies(@Root() venture: Venture, @Ctx() ctx: AgricultureContext): Promise<Residency[]> {
    const id = Number(venture.id);
    return Number.isInteger(id) ? ctx.loaders.residenciesByVenture.load(id) : [];
  }
}
