import { createSharedRootResolver } from '@rg/region-scorecard';
import { createPolicyTargetResolver } from '@rg/policy-targets';
import { IncubatorParkResolver, ResidencyResolver } from './park.resolver';
import { ParkMutationResolver } from './park-mutations.resolver';
import { RecommendedProjectResolver } from './project.resolver';
import { AgricultureRegionResolver, Region } from './region.resolver';
import { ResidencyMutationResolver } from './residency-mutations.resolver';
import { AgricultureScorecardResolver, Scorecard } from './scorecard.resolver';
import { AgricultureMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { Venture, VentureParkResolver } from './venture.resolver';
import { ParkEntrantScorecardResolver } from './park-entrant.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  IncubatorParkResolver, ResidencyResolver, RecommendedProjectResolver, VentureParkResolver,
  AgricultureRegionResolver, AgricultureScorecardResolver, AgricultureMonthlyStatisticResolver,
  ParkMutationResolver, ResidencyMutationResolver,
  createPolicyTargetResolver({ department: 'agriculture', indicators: ['newParks'] }),
  ParkEntrantScorecardResolver,
] as const;

export const orphanedTypes = [Venture, Region, Scorecard, MonthlyStatistic];
