import { createSharedRootResolver } from '@rg/region-scorecard';
import { Region, WomensFederationRegionResolver } from './region.resolver';
import { Scorecard, WomensFederationScorecardResolver } from './scorecard.resolver';
import { WomensFederationMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { SupportCaseMutationResolver } from './support-case-mutations.resolver';
import { WomenSupportCaseResolver } from './support-case.resolver';
import { Trainee, TraineeSupportResolver } from './trainee.resolver';
import { SupportCaseFinding, SupportCaseFindingResolver, SupportCaseFindingsScorecardResolver } from './support-case-findings.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  WomenSupportCaseResolver, TraineeSupportResolver,
  WomensFederationRegionResolver, WomensFederationScorecardResolver, WomensFederationMonthlyStatisticResolver, SupportCaseMutationResolver,
  SupportCaseFindingsScorecardResolver, SupportCaseFindingResolver,
] as const;

export const orphanedTypes = [Trainee, Region, Scorecard, MonthlyStatistic, SupportCaseFinding];
