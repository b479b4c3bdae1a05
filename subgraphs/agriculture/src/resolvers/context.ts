import type { DepartmentContext } from '@rg/subgraph-kit';
import type { AgricultureLoaders } from '../loaders';

export type AgricultureContext = DepartmentContext<AgricultureLoaders>;
