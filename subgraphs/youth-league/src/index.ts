import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type YouthLeagueLoaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';
import { imports } from './imports';

/** Communist Youth League (团委): success stories (青春创富故事汇) and entrepreneur awards. */
export const youthLeagueSubgraph: DepartmentSubgraph<YouthLeagueLoaders, World> = {
  name: 'youth-league',
  entities,
  migrations,
  schema: {
    resolvers: [...resolvers],
    orphanedTypes,
    referenceResolvers,
    // Records about a person whose reads by other departments (and admins) youth-league audits.
    auditedTypes: { SuccessStory: 'id', Award: 'id' },
  },
  createLoaders,
  seed,
  imports,
};

runWhenMain(module, youthLeagueSubgraph);
