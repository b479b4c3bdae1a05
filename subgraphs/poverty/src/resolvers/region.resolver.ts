import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/subgraph-kit';
import type { PovertyContext } from './context';
import type { PovertyRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

async function figure(ctx: PovertyContext, region: Region, name: keyof PovertyRegionFigures): Promise<number> {
  const figures = await ctx.loaders.regionFigures.load(region.code);
  return figures ? figures[name] : 0;
}

@Resolver(() => Region)
export class PovertyRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'poverty: households ever registered in the region (建档立卡户)' })
  poorHouseholdCount(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return figure(ctx, region, 'poorHouseholdCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: "poverty: members of the region's registered households" })
  poorPopulation(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return figure(ctx, region, 'poorPopulation');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'poverty: registered households that have left poverty (脱贫)' })
  exitedHouseholdCount(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return figure(ctx, region, 'exitedHouseholdCount');
  }
}
