import { CreateHrRecords1764000000000 } from './1764000000000-create-hr-records';

export const migrations = [CreateHrRecords1764000000000];
