import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/region-scorecard';
import type { YouthLeagueContext } from './context';
import type { YouthLeagueRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

async function figure(ctx: YouthLeagueContext, region: Region, name: keyof YouthLeagueRegionFigures): Promise<number> {
  const figures = await ctx.loaders.regionFigures.load(region.code);
  return figures ? figures[name] : 0;
}

@Resolver(() => Region)
export class YouthLeagueRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'youth-league: success stories published in the region (all years)' })
  storyCount(@Root() region: Region, @Ctx() ctx: YouthLeagueContext) {
    return figure(ctx, region, 'storyCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'youth-league: entrepreneur awards granted in the region (all years)' })
  awardCount(@Root() region: Region, @Ctx() ctx: YouthLeagueContext) {
    return figure(ctx, region, 'awardCount');
  }
}
