import { CreateAuditAppend1764300000000, CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { createPolicyTargetsMigration } from '@rg/policy-targets';
import { CreateAgricultureRecords1764000000000 } from './1764000000000-create-agriculture-records';
import { ParkKind1765100000000 } from './1765100000000-park-kind';

export const migrations = [CreateAgricultureRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000,
  CreateAuditAppend1764300000000, createPolicyTargetsMigration('agriculture', ['newParks']), ParkKind1765100000000];
