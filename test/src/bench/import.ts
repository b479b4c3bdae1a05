import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, chmodSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify';
import { departmentEntryPoint, departments, spawnService, waitUntilReady } from '@rg/infra';
import { freePort, metricSum, startEmbeddedPostgres } from '@rg/dev-postgres';
import { createDataSource, ensureDatabase, migrate } from '@rg/data-helpers';
import { signToken } from '@rg/access';
import { rosterPeople } from '@rg/demo-province';
import { sendImport, summary, type ImportCounts } from '@rg/record-import';
import { hrSubgraph } from '@rg/hr';
import { wholeNumber } from '@rg/settings';

/**
 * `npm run bench:import`: IMPORT_ROWS hr trainee rows (100,000 by default) through the real
 * endpoint of an hr subgraph process on an empty database, then the same file again; prints
 * seconds and the subgraph's peak resident memory. Printed, never asserted.
 */
const HEADER = ['身份证号', '姓名', '性别', '所属县区代码', '出生日期', '人员类别', '创业阶段', '手机号码', '登记日期'];
const CATEGORIES = ['返乡农民工', '建档立卡贫困人口', '高校毕业生', '退役军人'];
const STAGES = ['创业意识', '初创期', '成长期'];

async function writeRoster(file: string, rows: number): Promise<void> {
  const csv = stringify();
  const out = createWriteStream(file);
  csv.pipe(out);
  csv.write(HEADER);
  let i = 0;
  for (const p of rosterPeople(rows)) {
    const registered = `20${16 + (i % 5)}-0${1 + (i % 9)}-1${i % 10}`;
    if (!csv.write([p.citizenId, p.name, p.gender === 'MALE' ? '男' : '女', p.regionCode, p.birthDate, CATEGORIES[i % 4], STAGES[i % 3], p.phone, registered])) {
      await once(csv, 'drain');
    }
    i++;
  }
  csv.end();
  await once(out, 'finish');
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
/** CPU seconds a process has used (user + system). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function main(): Promise<void> {
  const rows = wholeNumber(process.env, 'IMPORT_ROWS', 100_000, 1);
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-import-bench-'));
  chmodSync(root, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort() });
  let service: ReturnType<typeof spawnService> | undefined;
  try {
    const databaseUrl = `${postgres.baseUrl}/hr`;
    await ensureDatabase(databaseUrl);
    const db = createDataSource({ url: databaseUrl, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations });
    await db.initialize();
    await migrate(db);
    await db.destroy();

    const file = path.join(root, 'trainees.csv');
    let t0 = performance.now();
    await writeRoster(file, rows);
    console.log(`${rows.toLocaleString()} trainee rows, ${(statSync(file).size / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const port = await freePort();
    service = spawnService('hr', departmentEntryPoint(departments.find((d) => d.name === 'hr')!), { HR_DATABASE_URL: databaseUrl, HR_PORT: String(port), LOG_LEVEL: 'warn' }, true);
    await waitUntilReady(`http://127.0.0.1:${port}/ready`, 60_000, service.child);
    const url = `http://127.0.0.1:${port}/import/trainees`;
    const token = await signToken('hr');
    const pid = service.child.pid!;
    console.log(`hr subgraph started, resident ${peakRssMb(pid).toFixed(0)} MB`);

    for (const pass of ['import', 're-import']) {
      const statementsBefore = await metricSum(`http://127.0.0.1:${port}/metrics`, 'db_statements_total');
      const cpuBefore = cpuSeconds(pid);
      t0 = performance.now();
      const answer = await sendImport(url, createReadStream(file), { token });
      const seconds = (performance.now() - t0) / 1000;
      if (!answer.counts) throw new Error(`${pass} failed: ${answer.error}`);
      const counts: ImportCounts = answer.counts;
      const statements = (await metricSum(`http://127.0.0.1:${port}/metrics`, 'db_statements_total')) - statementsBefore;
      console.log(`${pass.padEnd(9)}: ${seconds.toFixed(1)} s, ${Math.round(counts.rows / seconds).toLocaleString()} rows/s, ${(statements / counts.rows).toFixed(2)} SQL statements a row, subgraph CPU ${(cpuSeconds(pid) - cpuBefore).toFixed(1)} s, peak RSS of the subgraph ${peakRssMb(pid).toFixed(0)} MB — ${summary(counts, '-')}`);
    }
  } finally {
    await service?.stop();
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
