import { createSharedRootResolver } from '@rg/region-scorecard';
import { PoorHouseholdMembersResolver } from './poor-household.resolver';
import { HrRegionResolver, Region } from './region.resolver';
import { RegistrationResolver } from './registration.resolver';
import { HrScorecardResolver, Scorecard } from './scorecard.resolver';
import { HrMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { TraineeResolver } from './trainee.resolver';
import { CourseResolver, EnrolmentResolver, FollowUpResolver } from './training.resolver';
import { TrainingMutationResolver } from './training-mutations.resolver';
import { VentureMutationResolver } from './venture-mutations.resolver';
import { VentureResolver } from './venture.resolver';
import { PoorHousehold } from './poor-household.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  TraineeResolver, VentureResolver, EnrolmentResolver, CourseResolver, FollowUpResolver,
  HrRegionResolver, HrScorecardResolver, HrMonthlyStatisticResolver, PoorHouseholdMembersResolver,
  RegistrationResolver, TrainingMutationResolver, VentureMutationResolver,
] as const;

export const orphanedTypes = [PoorHousehold, Region, Scorecard, MonthlyStatistic];
