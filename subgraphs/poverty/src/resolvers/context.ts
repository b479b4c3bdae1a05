import type { DepartmentContext } from '@rg/subgraph-kit';
import type { PovertyLoaders } from '../loaders';

export type PovertyContext = DepartmentContext<PovertyLoaders>;
