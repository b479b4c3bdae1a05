import path from 'node:path';
import { Client } from 'pg';
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedServer } from '@rg/dev-postgres';
import { departments } from './departments';
import { departmentDatabaseUrl } from './provision';
import { describeChain, verifyDepartmentChains } from './audit-verify';

const EMBEDDED_PORT = Number(process.env.POSTGRES_PORT ?? 54329);
const EMBEDDED_BASE = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}`;

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: `${url}/postgres`, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

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
  // With npm start running, its PostgreSQL answers; otherwise open the same data directory.
  let server: EmbeddedServer | undefined;
  if (!(await reachable(EMBEDDED_BASE))) {
    const dataDir = process.env.POSTGRES_DATA_DIR ?? defaultDataDir(path.resolve(__dirname, '..', '..'));
    server = await startEmbeddedPostgres({ dataDir, port: EMBEDDED_PORT });
  }
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
