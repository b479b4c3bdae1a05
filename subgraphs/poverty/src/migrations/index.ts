import { CreateAuditAppend1764300000000, CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { CreatePovertyRecords1764000000000 } from './1764000000000-create-poverty-records';
import { CreateHouseholdTally1766000000000 } from './1766000000000-household-tally';
import { CreateRegistryPrefixTally1766400000000 } from './1766400000000-registry-prefix-tally';

export const migrations = [CreatePovertyRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000, CreateAuditAppend1764300000000, CreateHouseholdTally1766000000000,
  CreateRegistryPrefixTally1766400000000];
