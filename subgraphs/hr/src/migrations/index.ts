import { CreateAuditAppend1764300000000, CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { createPolicyTargetsMigration } from '@rg/policy-targets';
import { CreateHrRecords1764000000000 } from './1764000000000-create-hr-records';
import { HR_TARGETED_INDICATORS } from '../targets';
import { CreateTraineeTally1764400000000 } from './1764400000000-trainee-tally';
import { CreateVentureTally1764500000000 } from './1764500000000-venture-tally';
import { CreateProgrammeRecords1765200000000 } from './1765200000000-programme-records';
import { CreateDesignations1765300000000 } from './1765300000000-designations';
import { CreateLoanTally1766000000000 } from './1766000000000-loan-tally';
import { CreateCompletionTally1766100000000 } from './1766100000000-completion-tally';
import { CreateOpeningTally1766200000000 } from './1766200000000-opening-tally';
import { DropRedundantIndexes1766300000000 } from './1766300000000-drop-redundant-indexes';
import { CreateCompletionCohortIndex1766400000000 } from './1766400000000-completion-cohort-index';
import { CreateVentureSurvivalTally1766460000000 } from './1766460000000-venture-survival-tally';
import { CreateCohortTally1766500000000 } from './1766500000000-cohort-tally';
import { CreateCohortKeySets1766510000000 } from './1766510000000-cohort-key-sets';
import { CreateBorrowerTally1766520000000 } from './1766520000000-borrower-tally';
import { TraineeCountyPageIndex1766600000000 } from './1766600000000-trainee-county-page-index';

export const migrations = [CreateHrRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000,
  CreateAuditAppend1764300000000, CreateTraineeTally1764400000000, CreateVentureTally1764500000000,
  createPolicyTargetsMigration('hr', HR_TARGETED_INDICATORS), CreateProgrammeRecords1765200000000,
  CreateDesignations1765300000000, CreateLoanTally1766000000000, CreateCompletionTally1766100000000,
  CreateOpeningTally1766200000000, DropRedundantIndexes1766300000000, CreateCompletionCohortIndex1766400000000,
  CreateVentureSurvivalTally1766460000000, CreateCohortTally1766500000000, CreateCohortKeySets1766510000000,
  CreateBorrowerTally1766520000000, TraineeCountyPageIndex1766600000000];
