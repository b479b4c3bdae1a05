import { Ctx, Directive, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/subgraph-kit';
import type { HrContext } from './context';
import type { HrRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

async function figure(ctx: HrContext, region: Region, name: keyof HrRegionFigures): Promise<number> {
  const figures = await ctx.loaders.regionFigures.load(region.code);
  return figures ? figures[name] : 0;
}

@Resolver(() => Region)
export class HrRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'hr: trainees registered in the region (all years)' })
  traineeCount(@Root() region: Region, @Ctx() ctx: HrContext) {
    return figure(ctx, region, 'traineeCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'hr: ventures opened in the region (all years)' })
  ventureCount(@Root() region: Region, @Ctx() ctx: HrContext) {
    return figure(ctx, region, 'ventureCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'hr: ventures still operating' })
  operatingVentureCount(@Root() region: Region, @Ctx() ctx: HrContext) {
    return figure(ctx, region, 'operatingVentureCount');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'hr: jobs created by ventures (带动就业)' })
  jobsCreated(@Root() region: Region, @Ctx() ctx: HrContext) {
    return figure(ctx, region, 'jobsCreated');
  }

  @FieldResolver(() => Float, { nullable: true, description: 'hr: guaranteed start-up loans issued, yuan (all years)' })
  loansIssuedYuan(@Root() region: Region, @Ctx() ctx: HrContext) {
    return figure(ctx, region, 'loansIssuedYuan');
  }
}
