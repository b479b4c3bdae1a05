import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/region-scorecard';
import type { AgricultureContext } from './context';
import type { AgricultureRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

async function figure(ctx: AgricultureContext, region: Region, name: keyof AgricultureRegionFigures): Promise<number> {
  const figures = await ctx.loaders.regionFigures.load(region.code);
  return figures ? figures[name] : 0;
}

@Resolver(() => Region)
export class AgricultureRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'agriculture: incubator parks in the region' })
  parkCount(@Root() region: Region, @Ctx() ctx: AgricultureContext) {
    return figure(ctx, region, 'parkCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: "agriculture: the region's parks' capacity, in ventures" })
  parkCapacity(@Root() region: Region, @Ctx() ctx: AgricultureContext) {
    return figure(ctx, region, 'parkCapacity');
  }

  @FieldResolver(() => Int, { nullable: true, description: "agriculture: ventures resident now in the region's parks" })
  residentVentureCount(@Root() region: Region, @Ctx() ctx: AgricultureContext) {
    return figure(ctx, region, 'residentVentureCount');
  }
}
