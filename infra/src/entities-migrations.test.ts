import { createDataSource, migrate } from '@rg/data-helpers';
import { freshDatabaseUrl } from '@rg/dev-postgres';
import { departments } from './departments';

/**
 * Entities' decorators and the hand-written migrations both describe each department's tables.
 * After every migration on a fresh database, TypeORM's schema builder must find nothing to
 * change: otherwise the entities claim a column, type, index or constraint the database lacks.
 */
describe('entities and migrations agree', () => {
  it.each(departments.map((d) => [d.name, d] as const))('%s', async (_name, department) => {
    const dataSource = createDataSource({
      url: await freshDatabaseUrl(`schema_${department.database}`),
      entities: department.subgraph.entities,
      migrations: department.subgraph.migrations,
    });
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      const pending = upQueries.map((q) => q.query);
      expect({ department: department.name, pending }).toEqual({ department: department.name, pending: [] });
    } finally {
      await dataSource.destroy();
    }
  });
});
