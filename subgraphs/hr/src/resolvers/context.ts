import type { DepartmentContext } from '@rg/subgraph-kit';
import type { HrLoaders } from '../loaders';

export type HrContext = DepartmentContext<HrLoaders>;
