import { createSharedRootResolver } from '@rg/region-scorecard';
import { createPolicyTargetResolver } from '@rg/policy-targets';
import { HR_TARGETED_INDICATORS } from '../targets';
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
import { SurveyResponseResolver } from './survey.resolver';
import { EnrolmentSubsidyResolver, TrainingInstitutionResolver } from './institution.resolver';
import { InstitutionMutationResolver } from './institution-mutations.resolver';
import { LoanDetailResolver } from './loan-detail.resolver';
import { HrProgrammeScorecardResolver } from './programme-scorecard.resolver';
import { EligibilityFinding, EligibilityFindingResolver, EligibilityScorecardResolver } from './eligibility.resolver';
import { SupportPriorityScorecardResolver } from './support-priority.resolver';
import { FounderTrainingResolver } from './founder-training.resolver';
import {
  DesignationRegionResolver, DesignationResolver, DesignationReviewResolver, ParkDesignationResolver, VentureDesignationResolver,
} from './designation.resolver';
import { DesignationMutationResolver } from './designation-mutations.resolver';
import { IncubatorPark } from './designation-types';

export { referenceResolvers } from './references';

export const resolvers = [
  createSharedRootResolver(Region, Scorecard, MonthlyStatistic),
  TraineeResolver, VentureResolver, EnrolmentResolver, CourseResolver, FollowUpResolver,
  HrRegionResolver, HrScorecardResolver, HrMonthlyStatisticResolver, PoorHouseholdMembersResolver,
  RegistrationResolver, TrainingMutationResolver, VentureMutationResolver,
  createPolicyTargetResolver({ department: 'hr', indicators: HR_TARGETED_INDICATORS }),
  SurveyResponseResolver, TrainingInstitutionResolver, EnrolmentSubsidyResolver, InstitutionMutationResolver, LoanDetailResolver,
  HrProgrammeScorecardResolver, EligibilityScorecardResolver, EligibilityFindingResolver,
  SupportPriorityScorecardResolver, FounderTrainingResolver,
  DesignationResolver, DesignationReviewResolver, DesignationMutationResolver, VentureDesignationResolver,
  ParkDesignationResolver, DesignationRegionResolver,
] as const;

export const orphanedTypes = [PoorHousehold, Region, Scorecard, MonthlyStatistic, EligibilityFinding, IncubatorPark];
