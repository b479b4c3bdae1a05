import path from 'node:path';
import { freePort } from '@rg/dev-postgres';
import { spawnService } from '@rg/infra';

/**
 * A numeric setting that is not a whole number in range stops the process at start-up, naming
 * the setting: not a cache or a timeout silently off (NaN compares false), not a port Node
 * refuses later with a message about something else. Each process here is started as an
 * operator would start it, with one bad setting, and must exit with that setting's name.
 */
const NO_DATABASE = 'postgres://127.0.0.1:1/none';

async function refusal(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const service = spawnService('refused', entry, env, true);
  // A process that accepted the setting would go on to start; it is stopped rather than waited for.
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => service.child.once('exit', resolve));
  clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, 100)); // its last words may still be in the pipe
  return { code, output: service.output.join('\n') };
}

describe('numeric settings are checked when a process starts', () => {
  const hr = () => require.resolve('@rg/hr');

  it.each([
    ['AGGREGATE_CACHE_MS', '30s', "AGGREGATE_CACHE_MS must be a whole number ≥ 0, not '30s'"],
    ['DATABASE_CONNECT_TIMEOUT_MS', '5 s', "DATABASE_CONNECT_TIMEOUT_MS must be a whole number ≥ 0, not '5 s'"],
    ['SUBGRAPH_REQUEST_TIMEOUT_MS', '-1', "SUBGRAPH_REQUEST_TIMEOUT_MS must be a whole number ≥ 0, not '-1'"],
    ['TOKEN_CACHE_MS', '60s', "TOKEN_CACHE_MS must be a whole number ≥ 0, not '60s'"],
    ['HR_PORT', '70000', "HR_PORT must be a whole number from 0 to 65535, not '70000'"],
  ])('a department refuses %s=%p', async (name, value, message) => {
    const env = { HR_DATABASE_URL: NO_DATABASE, HR_PORT: String(await freePort()), [name]: value };
    const { code, output } = await refusal(hr(), env);
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });

  it.each([
    ['npm start', 'DEMO_TRAINEES=lots', 'start.js', { DEMO_TRAINEES: 'lots' }, "DEMO_TRAINEES must be a whole number from 0 to 1000000, not 'lots'"],
    ['npm start', 'POSTGRES_PORT=five', 'start.js', { POSTGRES_PORT: 'five' }, "POSTGRES_PORT must be a whole number from 1 to 65535, not 'five'"],
    ['npm run seed', 'DEMO_TRAINEES=2000000', 'seed-cli.js', { DEMO_TRAINEES: '2000000' }, "DEMO_TRAINEES must be a whole number from 0 to 1000000, not '2000000'"],
    ['npm run bench:seed', 'BENCH_TRAINEES=1M', '../../test/dist/bench/seed.js', { BENCH_TRAINEES: '1M' }, "BENCH_TRAINEES must be a whole number from 0 to 1000000, not '1M'"],
  ])('%s refuses %s before it starts anything', async (_command, _setting, script, env, message) => {
    const { code, output } = await refusal(path.resolve(path.dirname(require.resolve('@rg/infra/package.json')), 'dist', script), env);
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });
});
