import { databaseUrlVariable, type DepartmentEntry } from '@rg/departments';
import { createDataSource, ensureDatabase, migrate, timedStep } from '@rg/data-helpers';
import { type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';

/** The database URL of each department: its own variable, or a database on the embedded server. */
export function departmentDatabaseUrl(department: DepartmentEntry, embeddedBaseUrl?: string): string {
  const configured = process.env[databaseUrlVariable(department.name)];
  if (configured) return configured;
  if (!embeddedBaseUrl) throw new Error(`${databaseUrlVariable(department.name)} is not set`);
  return `${embeddedBaseUrl}/${department.database}`;
}

/** Creates the department's database if needed, applies its migrations, and seeds it if empty. */
export async function provisionDepartment(
  department: DepartmentSubgraph<unknown, World>,
  url: string,
  world: World,
  onProgress?: (table: string, done: number, total: number) => void,
): Promise<void> {
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, entities: department.entities, migrations: department.migrations });
  await dataSource.initialize();
  try {
    await timedStep(dataSource, 'migrations', () => migrate(dataSource));
    await timedStep(dataSource, 'seed (all of it)', () => department.seed(dataSource, world, onProgress));
  } finally {
    await dataSource.destroy();
  }
}
