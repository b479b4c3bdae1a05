import { CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000 } from '@rg/subgraph-kit';
import { CreateWomensFederationRecords1764000000000 } from './1764000000000-create-womens-federation-records';

export const migrations = [CreateWomensFederationRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000];
