import { Arg, Directive, ID, Int, Query, Resolver, type ClassType } from 'type-graphql';
import { findRegion } from '@rg/regions';
import { regionFields, type RegionBase } from './region';
import { checkScorecardArgs, type ScorecardBase } from './scorecard';

/**
 * `region(code)` and `scorecard(regionCode, year)` are answered by every department
 * (@shareable), so the graph still answers them when one department is down.
 */
export function createSharedRootResolver(RegionType: ClassType<RegionBase>, ScorecardType: ClassType<ScorecardBase>) {
  @Resolver()
  class SharedRootResolver {
    @Query(() => RegionType, { nullable: true, description: 'A Jiangsu region by GB/T 2260 code' })
    @Directive('@shareable')
    region(@Arg('code', () => ID) code: string): RegionBase | null {
      return findRegion(code) ? regionFields(code) : null;
    }

    @Query(() => ScorecardType, { description: "The policy's indicators for a region and year, against their targets" })
    @Directive('@shareable')
    scorecard(@Arg('regionCode', () => ID) regionCode: string, @Arg('year', () => Int) year: number): ScorecardBase {
      checkScorecardArgs(regionCode, year);
      return { regionCode, year };
    }
  }
  return SharedRootResolver;
}

/** Reference resolvers for the two shared entities: both are computed from their key. */
export const sharedReferenceResolvers = {
  Region: { __resolveReference: (ref: { code: string }) => regionFields(ref.code) },
  Scorecard: { __resolveReference: (ref: ScorecardBase) => ref },
};
