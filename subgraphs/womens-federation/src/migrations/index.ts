import { CreateAuditAppend1764300000000, CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { CreateWomensFederationRecords1764000000000 } from './1764000000000-create-womens-federation-records';
import { CreateSupportCaseTally1766000000000 } from './1766000000000-support-case-tally';

export const migrations = [CreateWomensFederationRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000, CreateAuditAppend1764300000000, CreateSupportCaseTally1766000000000];
