import { departments } from './departments';
import { departmentDatabaseUrl } from './provision';
import { describeChain, verifyDepartmentChains } from './audit-verify';
import { EMBEDDED_BASE, openLocalDatabases } from './local-databases';

/** `npm run audit -- verify [department]`: one line per department; non-zero exit on a broken chain. */
async function main(): Promise<void> {
  const [command, only] = process.argv.slice(2);
  if (command !== 'verify') {
    console.error('usage: npm run audit -- verify [department]');
    process.exit(2);
  }
  const chosen = departments.filter((d) => !only || d.name === only);
  if (!chosen.length) {
    console.error(`unknown department ${only}; one of ${departments.map((d) => d.name).join(', ')}`);
    process.exit(2);
  }
  const server = await openLocalDatabases();
  try {
    const results = await verifyDepartmentChains(chosen.map((department) => ({ department: department.subgraph, url: departmentDatabaseUrl(department, EMBEDDED_BASE) })));
    for (const result of results) console.log(describeChain(result));
    process.exitCode = results.every((r) => r.intact) ? 0 : 1;
  } finally {
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
