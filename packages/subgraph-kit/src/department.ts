import type { DataSource, MixedList, EntitySchema } from 'typeorm';
import type { World } from '@rg/demo-province';
import type { ImportRecordType } from '@rg/record-import';
import type { Department } from './roles';
import type { SchemaOptions } from './federation-schema';
import type { DepartmentContext } from './context';

/**
 * Everything the kit needs to run one department's subgraph. All five subgraphs export one
 * of these from src/index.ts, so the bootstrap, the start script and the tests treat them alike.
 */
export interface DepartmentSubgraph<Loaders = unknown> {
  name: Department;
  /** The port the department listens on unless configured (hr 4001 … womens-federation 4005). */
  defaultPort: number;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  schema: SchemaOptions;
  createLoaders(dataSource: DataSource, context: Omit<DepartmentContext, 'loaders'>): Loaders;
  /** The records the department imports from its spreadsheets (POST /import/<name>, npm run import). */
  imports?: ImportRecordType[];
  /** Inserts this department's part of a generated world into an empty database; idempotent. */
  seed(dataSource: DataSource, world: World, onProgress?: (table: string, done: number, total: number) => void): Promise<void>;
}

/** The environment variable holding a department's database URL, e.g. HR_DATABASE_URL. */
export function databaseUrlVariable(name: Department): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
}

export function portVariable(name: Department): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}
