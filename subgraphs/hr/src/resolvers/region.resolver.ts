import { Ctx, Directive, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase, discloseFigures, disclosurePolicy, regionDisclosureType, type Disclosed, type FigureRule } from '@rg/region-scorecard';
import type { HrContext } from './context';
import { zero, type HrRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

/**
 * Figures that count people are withheld from the public below the threshold: trainees, and
 * the loan total (a few borrowers' total is close to one person's debt). Ventures and their
 * jobs are public records (`ventures(filter)` lists them), so their counts are shown as they are.
 */
const CONTROLLED: Record<'traineeCount' | 'loansIssuedYuan', FigureRule<HrRegionFigures>> = {
  traineeCount: { count: true },
  loansIssuedYuan: { totalOf: 'borrowerCount' },
};
type Controlled = keyof typeof CONTROLLED;

const HrRegionDisclosure = regionDisclosureType(Object.keys(CONTROLLED) as Controlled[]);

async function figures(ctx: HrContext, region: Region): Promise<HrRegionFigures> {
  return (await ctx.loaders.regionFigures.load(region.code)) ?? zero();
}

async function figure(ctx: HrContext, region: Region, name: keyof HrRegionFigures): Promise<number> {
  return (await figures(ctx, region))[name];
}

async function disclosed(ctx: HrContext, region: Region): Promise<Record<Controlled, Disclosed>> {
  return discloseFigures(await figures(ctx, region), CONTROLLED, disclosurePolicy(ctx.viewer));
}

@Resolver(() => Region)
export class HrRegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'hr: trainees registered in the region (all years); null when withheld, see disclosure' })
  async traineeCount(@Root() region: Region, @Ctx() ctx: HrContext) {
    return (await disclosed(ctx, region)).traineeCount.value;
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

  @FieldResolver(() => Float, {
    nullable: true, description: 'hr: guaranteed start-up loans issued, yuan (all years); null when withheld, see disclosure',
  })
  async loansIssuedYuan(@Root() region: Region, @Ctx() ctx: HrContext) {
    return (await disclosed(ctx, region)).loansIssuedYuan.value;
  }

  @FieldResolver(() => HrRegionDisclosure, { description: "Which of the region's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  disclosure(@Root() region: Region, @Ctx() ctx: HrContext) {
    return disclosed(ctx, region);
  }
}
