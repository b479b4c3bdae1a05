import { CreateWomensFederationRecords1764000000000 } from './1764000000000-create-womens-federation-records';

export const migrations = [CreateWomensFederationRecords1764000000000];
