import { createSharedRootResolver } from '@rg/region-scorecard';
import { HouseholdMemberResolver, PoorHouseholdResolver } from './household.resolver';
import { HouseholdMutationResolver } from './household-mutations.resolver';
import { PovertyRegionResolver, Region } from './region.resolver';
import { PovertyScorecardResolver, Scorecard } from './scorecard.resolver';
import { PovertyMonthlyStatisticResolver, MonthlyStatistic } from './monthly-statistic.resolver';
import { Trainee, TraineePovertyResolver } from './trainee.resolver';
import { EligibilityFinding, EligibilityFindingPovertyResolver } from './eligibility-finding.resolver';
import { SupportPriorityPovertyResolver } from './support-priority.resolver';
import {
  SupportCaseFinding, SupportCaseFindingPovertyResolver, SupportCaseRegistryResolver, SupportCaseScorecardResolver, WomenSupportCase,
} from './support-case-check.resolver';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  PoorHouseholdResolver, HouseholdMemberResolver, TraineePovertyResolver,
  PovertyRegionResolver, PovertyScorecardResolver, PovertyMonthlyStatisticResolver,
  HouseholdMutationResolver, EligibilityFindingPovertyResolver,
  SupportPriorityPovertyResolver, SupportCaseRegistryResolver, SupportCaseScorecardResolver, SupportCaseFindingPovertyResolver,
] as const;

export const orphanedTypes = [Trainee, Region, Scorecard, MonthlyStatistic, EligibilityFinding, WomenSupportCase, SupportCaseFinding];
