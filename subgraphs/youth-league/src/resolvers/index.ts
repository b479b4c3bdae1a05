import { createSharedRootResolver } from '@rg/region-scorecard';
import { AwardResolver } from './award.resolver';
import { PublicityMutationResolver } from './publicity-mutations.resolver';
import { Region, YouthLeagueRegionResolver } from './region.resolver';
import { Scorecard, YouthLeagueScorecardResolver } from './scorecard.resolver';
import { YouthLeagueMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { SuccessStoryResolver } from './story.resolver';
import { Trainee, Venture } from './stubs';
import { TraineePublicityResolver } from './trainee.resolver';
import { VenturePublicityResolver } from './venture.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  SuccessStoryResolver, AwardResolver, TraineePublicityResolver, VenturePublicityResolver,
  YouthLeagueRegionResolver, YouthLeagueScorecardResolver, YouthLeagueMonthlyStatisticResolver, PublicityMutationResolver,
] as const;

export const orphanedTypes = [Trainee, Venture, Region, Scorecard, MonthlyStatistic];
