import type { DepartmentContext } from '@rg/subgraph-kit';
import type { WomensFederationLoaders } from '../loaders';

export type WomensFederationContext = DepartmentContext<WomensFederationLoaders>;
