import { Client } from 'pg';
import { freshDatabaseUrl } from '@rg/dev-postgres';
import { departments } from './departments';
import { seedProvince } from './seed-province';

async function count(url: string, table: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * A second start on the same data directory must not regenerate the province: at a million
 * trainees that is half a minute spent on records no department will load.
 */
describe('seeding the demo province', () => {
  it('generates the province only when a department still needs it, and leaves seeded departments as they are', async () => {
    const databaseUrls: Record<string, string> = {};
    for (const department of departments) databaseUrls[department.name] = await freshDatabaseUrl(`seed_${department.database}`);

    const first = await seedProvince({ trainees: 300, departments, databaseUrls });
    expect(first.generateMs).toBeGreaterThan(0);
    const trainees = await count(databaseUrls.hr, 'trainee');
    const households = await count(databaseUrls.poverty, 'poor_household');
    expect(trainees).toBe(300);
    expect(households).toBeGreaterThan(0);

    const second = await seedProvince({ trainees: 300, departments, databaseUrls });
    expect(second.generateMs).toBe(0);
    expect(Object.keys(second.seedMsByDepartment).sort()).toEqual(departments.map((d) => d.name).sort());
    expect(await count(databaseUrls.hr, 'trainee')).toBe(trainees);
    expect(await count(databaseUrls.poverty, 'poor_household')).toBe(households);
  });
});
