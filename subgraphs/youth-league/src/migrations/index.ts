import { CreateYouthLeagueRecords1764000000000 } from './1764000000000-create-youth-league-records';

export const migrations = [CreateYouthLeagueRecords1764000000000];
