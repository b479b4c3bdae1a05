import { Arg, Directive, FieldResolver, ID, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { childrenOf, findRegion } from '@rg/regions';
import { regionFields, type RegionBase } from './region';
import { checkScorecardArgs, type ScorecardBase } from './scorecard';
import { checkScorecardsArgs, regionYears } from './comparison';
import { MONTHS, monthsOf, type MonthlyStatisticBase } from './monthly-statistic';
import { badUserInput } from '@rg/api-errors';

/**
 * The root fields every department answers (@shareable), so the graph still answers them when
 * one department is down: `region(code)` with the region tree, `scorecard(regionCode, year)`,
 * `scorecards(regionCodes, years)` and `monthlyStatistics(regionCode, year)`. All of them are
 * computed from their arguments and the GB/T 2260 table; the figures come from each
 * department's own field resolvers, batched per request.
 */
export function createSharedRootResolver(
  RegionType: ClassType<RegionBase>,
  ScorecardType: ClassType<ScorecardBase>,
  MonthlyStatisticType: ClassType<MonthlyStatisticBase>,
) {
  @Resolver(() => RegionType)
  class SharedRootResolver {
    @Query(() => RegionType, { nullable: true, description: 'A Jiangsu region by GB/T 2260 code' })
    @Directive('@shareable')
    region(@Arg('code', () => ID) code: string): RegionBase | null {
      return findRegion(code) ? regionFields(code) : null;
    }

    @FieldResolver(() => [RegionType], { description: "The regions one level down: the province's 13 cities, a city's counties; none for a county" })
    @Directive('@shareable')
    children(@Root() region: RegionBase): RegionBase[] {
      return childrenOf(region.code).map((child) => regionFields(child.code));
    }

    @FieldResolver(() => RegionType, { nullable: true, description: "The enclosing region: a county's city, a city's province; null for the province" })
    @Directive('@shareable')
    parent(@Root() region: RegionBase): RegionBase | null {
      const parentCode = findRegion(region.code)?.parentCode;
      return parentCode ? regionFields(parentCode) : null;
    }

    @Query(() => ScorecardType, { description: "The policy's indicators for a region and year, against their targets" })
    @Directive('@shareable')
    scorecard(@Arg('regionCode', () => ID) regionCode: string, @Arg('year', () => Int) year: number): ScorecardBase {
      checkScorecardArgs(regionCode, year);
      return { regionCode, year };
    }

    @Query(() => [ScorecardType], {
      description: 'The scorecard of every region for every year (regions × years, in that order), up to 200 region-years',
    })
    @Directive('@shareable')
    scorecards(
      @Arg('regionCodes', () => [ID]) regionCodes: string[],
      @Arg('years', () => [Int]) years: number[],
    ): ScorecardBase[] {
      checkScorecardsArgs(regionCodes, years);
      return regionYears(regionCodes, years);
    }

    @Query(() => [MonthlyStatisticType], { description: "A region's year month by month: twelve rows, January first" })
    @Directive('@shareable')
    monthlyStatistics(@Arg('regionCode', () => ID) regionCode: string, @Arg('year', () => Int) year: number): MonthlyStatisticBase[] {
      checkScorecardArgs(regionCode, year);
      return monthsOf(regionCode, year);
    }
  }
  return SharedRootResolver;
}

/** Reference resolvers for the shared entities: all are computed from their key. */
export const sharedReferenceResolvers = {
  Region: { __resolveReference: (ref: { code: string }) => regionFields(ref.code) },
  Scorecard: { __resolveReference: (ref: ScorecardBase) => ref },
  MonthlyStatistic: {
    __resolveReference(ref: MonthlyStatisticBase) {
      checkScorecardArgs(ref.regionCode, ref.year);
      if (!MONTHS.includes(ref.month as (typeof MONTHS)[number])) throw badUserInput('month', `${ref.month} is not a month (1–12)`);
      return ref;
    },
  },
};
