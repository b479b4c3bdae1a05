import type { DataSource, MixedList, EntitySchema } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import type { Department } from '@rg/access';
import type { SchemaOptions } from './federation-schema';
import type { DepartmentContext } from './context';

/**
 * Everything the kit needs to run one department's subgraph. All five subgraphs export one
 * of these from src/index.ts, so the bootstrap, the start script and the tests treat them alike.
 * `DemoData` is what its seed loads (the demo province's generated world): the runtime itself
 * never seeds, so it does not depend on the generator.
 */
export interface DepartmentSubgraph<Loaders = unknown, DemoData = unknown> {
  /** Its entry in the department manifest (@rg/departments), which holds its port and database. */
  name: Department;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  schema: SchemaOptions;
  createLoaders(dataSource: DataSource, context: Omit<DepartmentContext, 'loaders'>): Loaders;
  /** The records the department imports from its spreadsheets (POST /import/<name>, npm run import). */
  imports?: ImportRecordType[];
  /** Inserts this department's part of the demo data into an empty database; idempotent. */
  seed(dataSource: DataSource, demo: DemoData, onProgress?: (table: string, done: number, total: number) => void): Promise<void>;
}

export { databaseUrlVariable, portVariable } from '@rg/departments';
