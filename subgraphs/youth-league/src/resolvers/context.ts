import type { DepartmentContext } from '@rg/subgraph-kit';
import type { YouthLeagueLoaders } from '../loaders';

export type YouthLeagueContext = DepartmentContext<YouthLeagueLoaders>;
