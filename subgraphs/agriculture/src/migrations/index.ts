import { CreateAgricultureRecords1764000000000 } from './1764000000000-create-agriculture-records';

export const migrations = [CreateAgricultureRecords1764000000000];
