import { departments } from './departments';
import { departmentDatabaseUrl } from './provision';
import { demoTrainees, seedProvince } from './seed-province';
import { EMBEDDED_BASE, openLocalDatabases } from './local-databases';
import { createProgress } from './progress';

/**
 * `npm run seed [-- department…]`: migrates and seeds the demo province (DEMO_TRAINEES
 * trainees, 3,000 by default) into the configured databases, or npm start's embedded server,
 * without starting any service. A department whose database already has records is left as
 * it is, so the command is safe to repeat.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !departments.some((d) => d.name === name));
  if (unknown.length) {
    console.error(`unknown department ${unknown.join(', ')}; one of ${departments.map((d) => d.name).join(', ')}`);
    process.exit(2);
  }
  const trainees = demoTrainees();
  const chosen = departments.filter((d) => !only.length || only.includes(d.name));
  const server = await openLocalDatabases();
  const progress = createProgress();
  try {
    const databaseUrls = Object.fromEntries(chosen.map((department) => [department.name, departmentDatabaseUrl(department, EMBEDDED_BASE)]));
    await seedProvince({ trainees, departments: chosen, databaseUrls, onProgress: progress.update });
    progress.stop();
    for (const department of chosen) console.log(`${department.name}: migrated, demo province of ${trainees} trainees seeded (or already there)`);
  } finally {
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
