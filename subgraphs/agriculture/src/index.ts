import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type AgricultureLoaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';
import { imports } from './imports';

/** Agriculture (农业农村局): incubator parks, the ventures resident in them, the project library. */
export const agricultureSubgraph: DepartmentSubgraph<AgricultureLoaders, World> = {
  name: 'agriculture',
  entities,
  migrations,
  // Parks, residencies and projects are business records, not personal ones: no read audit.
  schema: { resolvers: [...resolvers], orphanedTypes, referenceResolvers },
  createLoaders,
  seed,
  imports,
};

runWhenMain(module, agricultureSubgraph);
