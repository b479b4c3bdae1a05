import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase, discloseFigures, disclosurePolicy, regionDisclosureType, type Disclosed, type FigureRule } from '@rg/region-scorecard';
import type { WomensFederationContext } from './context';
import type { WomensFederationRegionFigures } from '../figures/region-figures';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

/** Each support case is about one woman: both figures are withheld from the public below the threshold. */
const CONTROLLED: Record<'womenSupportCaseCount' | 'openWomenSupportCaseCount', FigureRule<WomensFederationRegionFigures>> = {
  womenSupportCaseCount: { count: true, unit: 'support cases' },
  openWomenSupportCaseCount: { count: true, unit: 'support cases' },
};
type Controlled = keyof typeof CONTROLLED;

const WomensFederationRegionDisclosure = regionDisclosureType(Object.keys(CONTROLLED) as Controlled[]);

const zero = (): WomensFederationRegionFigures => ({ womenSupportCaseCount: 0, openWomenSupportCaseCount: 0 });

async function disclosed(ctx: WomensFederationContext, region: Region): Promise<Record<Controlled, Disclosed>> {
  const figures = (await ctx.loaders.regionFigures.load(region.code)) ?? zero();
  return discloseFigures(figures, CONTROLLED, disclosurePolicy(ctx.viewer));
}

@Resolver(() => Region)
export class WomensFederationRegionResolver {
  @FieldResolver(() => Int, {
    nullable: true, description: 'womens-federation: support cases for women in the region (all years); null when withheld, see disclosure',
  })
  async womenSupportCaseCount(@Root() region: Region, @Ctx() ctx: WomensFederationContext) {
    return (await disclosed(ctx, region)).womenSupportCaseCount.value;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'womens-federation: support cases still open; null when withheld' })
  async openWomenSupportCaseCount(@Root() region: Region, @Ctx() ctx: WomensFederationContext) {
    return (await disclosed(ctx, region)).openWomenSupportCaseCount.value;
  }

  @FieldResolver(() => WomensFederationRegionDisclosure, { description: "Which of the region's figures are withheld to protect privacy, and why" })
  @Directive('@shareable')
  disclosure(@Root() region: Region, @Ctx() ctx: WomensFederationContext) {
    return disclosed(ctx, region);
  }
}
