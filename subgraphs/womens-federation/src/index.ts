import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type WomensFederationLoaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';
import { imports } from './imports';

/** Women's Federation (妇联): support cases for women entrepreneurs, poor women first. */
export const womensFederationSubgraph: DepartmentSubgraph<WomensFederationLoaders, World> = {
  name: 'womens-federation',
  entities,
  migrations,
  schema: {
    resolvers: [...resolvers],
    orphanedTypes,
    referenceResolvers,
    // Personal records whose reads by other departments (and admins) the federation audits.
    auditedTypes: { WomenSupportCase: 'id' },
  },
  createLoaders,
  seed,
  imports,
};

runWhenMain(module, womensFederationSubgraph);
