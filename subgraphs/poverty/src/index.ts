import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type PovertyLoaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';
import { imports } from './imports';

/** Poverty Alleviation Office (扶贫办): the registry of poor households and their members. */
export const povertySubgraph: DepartmentSubgraph<PovertyLoaders, World> = {
  name: 'poverty',
  entities,
  migrations,
  schema: {
    resolvers: [...resolvers],
    orphanedTypes,
    referenceResolvers,
    // Personal records whose reads by other departments (and admins) the registry audits.
    auditedTypes: { PoorHousehold: 'id', HouseholdMember: 'id' },
  },
  createLoaders,
  seed,
  imports,
};

runWhenMain(module, povertySubgraph);
