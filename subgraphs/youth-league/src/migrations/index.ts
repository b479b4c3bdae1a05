import { CreateAuditAppend1764300000000, CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { CreateYouthLeagueRecords1764000000000 } from './1764000000000-create-youth-league-records';
import { EnterpriseAwards1765300000000 } from './1765300000000-enterprise-awards';

export const migrations = [CreateYouthLeagueRecords1764000000000, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000, CreateAuditAppend1764300000000,
  EnterpriseAwards1765300000000];
