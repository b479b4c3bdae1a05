import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/subgraph-kit';
import type { WomensFederationContext } from './context';
import type { WomensFederationRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

async function figure(
  ctx: WomensFederationContext, region: Region, name: keyof WomensFederationRegionFigures,
): Promise<number> {
  const figures = await ctx.loaders.regionFigures.load(region.code);
  return figures ? figures[name] : 0;
}

@Resolver(() => Region)
export class WomensFederationRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'womens-federation: support cases for women in the region (all years)' })
  womenSupportCaseCount(@Root() region: Region, @Ctx() ctx: WomensFederationContext) {
    return figure(ctx, region, 'womenSupportCaseCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'womens-federation: support cases still open' })
  openWomenSupportCaseCount(@Root() region: Region, @Ctx() ctx: WomensFederationContext) {
    return figure(ctx, region, 'openWomenSupportCaseCount');
  }
}
