import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase, discloseFigures, disclosurePolicy, regionDisclosureType, type Disclosed, type FigureRule } from '@rg/region-scorecard';
import type { PovertyContext } from './context';
import type { PovertyRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

/** Every registry figure counts people or their households: each is withheld from the public below the threshold. */
const CONTROLLED: Record<'poorHouseholdCount' | 'poorPopulation' | 'exitedHouseholdCount', FigureRule<PovertyRegionFigures>> = {
  poorHouseholdCount: { count: true, unit: 'households' },
  poorPopulation: { count: true },
  exitedHouseholdCount: { count: true, unit: 'households' },
};
type Controlled = keyof typeof CONTROLLED;

const PovertyRegionDisclosure = regionDisclosureType(Object.keys(CONTROLLED) as Controlled[]);

const zero = (): PovertyRegionFigures => ({ poorHouseholdCount: 0, poorPopulation: 0, exitedHouseholdCount: 0 });

async function disclosed(ctx: PovertyContext, region: Region): Promise<Record<Controlled, Disclosed>> {
  const figures = (await ctx.loaders.regionFigures.load(region.code)) ?? zero();
  return discloseFigures(figures, CONTROLLED, disclosurePolicy(ctx.viewer));
}

@Resolver(() => Region)
export class PovertyRegionResolver {
  @FieldResolver(() => Int, {
    nullable: true, description: 'poverty: households ever registered in the region (建档立卡户); null when withheld, see disclosure',
  })
  async poorHouseholdCount(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return (await disclosed(ctx, region)).poorHouseholdCount.value;
  }

  @FieldResolver(() => Int, { nullable: true, description: "poverty: members of the region's registered households; null when withheld" })
  async poorPopulation(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return (await disclosed(ctx, region)).poorPopulation.value;
  }

  @FieldResolver(() => Int, {
    nullable: true, description: 'poverty: registered households that have left poverty (脱贫); null when withheld',
  })
  async exitedHouseholdCount(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return (await disclosed(ctx, region)).exitedHouseholdCount.value;
  }

  @FieldResolver(() => PovertyRegionDisclosure, { description: "Which of the region's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  disclosure(@Root() region: Region, @Ctx() ctx: PovertyContext) {
    return disclosed(ctx, region);
  }
}
