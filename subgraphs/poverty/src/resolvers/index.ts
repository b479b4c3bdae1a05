import { createSharedRootResolver } from '@rg/region-scorecard';
import { HouseholdMemberResolver, PoorHouseholdResolver } from './household.resolver';
import { HouseholdMutationResolver } from './household-mutations.resolver';
import { PovertyRegionResolver, Region } from './region.resolver';
import { PovertyScorecardResolver, Scorecard } from './scorecard.resolver';
import { PovertyMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { Trainee, TraineePovertyResolver } from './trainee.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  PoorHouseholdResolver, HouseholdMemberResolver, TraineePovertyResolver,
  PovertyRegionResolver, PovertyScorecardResolver, PovertyMonthlyStatisticResolver,
  HouseholdMutationResolver,
] as const;

export const orphanedTypes = [Trainee, Region, Scorecard, MonthlyStatistic];
