import { CreatePovertyRecords1764000000000 } from './1764000000000-create-poverty-records';

export const migrations = [CreatePovertyRecords1764000000000];
