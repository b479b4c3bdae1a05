import { CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { createPolicyTargetsMigration } from '@rg/policy-targets';
import { CreateHrRecords1764000000000 } from './1764000000000-create-hr-records';
import { HR_TARGETED_INDICATORS } from '../targets';
import { CreateProgrammeRecords1765000000000 } from './1765000000000-programme-records';

export const migrations = [CreateHrRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000,
  createPolicyTargetsMigration('hr', HR_TARGETED_INDICATORS), CreateProgrammeRecords1765000000000];
