import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeSupergraph, spawnService, waitUntilReady, type ServiceProcess } from '@rg/infra';
import { freePort } from '@rg/dev-postgres';
import { postGraphQL } from '@rg/dev-postgres';
import { signToken } from '@rg/access';
import { DEPARTMENTS, socketVariable, subgraphUrlVariable } from '@rg/departments';
import { startStackHarness, type StackHarness } from './stack-harness';

/** A department that is down, slow or failing must not take the graph down. */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness({
    // A schema poll goes through the circuit breaker too: one landing between a department's
    // stop and a test's request would mark it down first (threshold 1), and that request would
    // read `circuit_open`, not `unreachable`. The tests here stop and start departments, so the
    // gateway polls only once in ten minutes.
    env: {
      SUBGRAPH_TIMEOUT_MS: '2000', CIRCUIT_FAILURE_THRESHOLD: '1', CIRCUIT_RESET_MS: '300', CIRCUIT_PROBE_TIMEOUT_MS: '500',
      SUPERGRAPH_POLL_MS: '600000',
    },
  });
}, 180_000);
afterAll(() => h?.stop());

/** One series of the gateway's /metrics, e.g. metric('subgraph_fetches_total', { department: 'hr' }); 0 when absent. */
const metric = (name: string, labels: Record<string, string>) => h.gatewayMetric(name, labels);

const CLOSED = 0;
const OPEN = 2;

/** The breaker closes by itself once a probe of the department's /ready succeeds. */
async function untilAnswersAgain(department: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await metric('subgraph_circuit_state', { department })) !== CLOSED) {
    if (Date.now() > deadline) throw new Error(`${department} still marked down`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const TRAINEE = `query($id: ID!) { trainee(id: $id) { id category povertyHousehold { id } stories { id } ventures { id } } }`;

function findPoorTrainee() {
  const keys = new Set(h.world.poverty.members.map((m) => m.personKey));
  return h.world.hr.trainees.find((t) => keys.has(t.personKey))!;
}

describe('per-department fetch metrics on the gateway', () => {
  it('counts each fetch and its latency by department', async () => {
    const trainee = findPoorTrainee();
    const names = ['hr', 'poverty', 'youth-league', 'agriculture'];
    const count = (department: string) => metric('subgraph_fetches_total', { department });
    const timed = (department: string) => metric('subgraph_fetch_duration_seconds_count', { department });
    const before = await Promise.all(names.flatMap((d) => [count(d), timed(d)]));
    const answer = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(answer.errors).toBeUndefined();
    const after = await Promise.all(names.flatMap((d) => [count(d), timed(d)]));
    // hr answers trainee(id); poverty and youth-league each add their fields to it; agriculture is not asked.
    expect(after.map((n, i) => n - before[i])).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    for (const department of ['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation']) {
      expect(await metric('subgraph_circuit_state', { department })).toBe(CLOSED);
    }
  });
});

describe('departments over their Unix sockets', () => {
  let gateway: ServiceProcess | undefined;
  afterAll(() => gateway?.stop());

  it('serve a gateway whose URLs point at a closed port: every answer came through the sockets', async () => {
    expect(Object.keys(h.stack.subgraphSockets).sort()).toEqual([...DEPARTMENTS].sort());
    for (const socket of Object.values(h.stack.subgraphSockets)) expect(existsSync(socket)).toBe(true);
    // Nothing listens on this port: composition, /ready and every fetch can only go by socket.
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const env: NodeJS.ProcessEnv = { GATEWAY_SIGNING_KEY: h.stack.gatewayKeys.signingKey };
    for (const name of DEPARTMENTS) {
      env[subgraphUrlVariable(name)] = closed;
      env[socketVariable(name)] = h.stack.subgraphSockets[name];
    }
    const port = await freePort();
    gateway = spawnService('gateway-sockets', require.resolve('@rg/gateway/dist/main.js'), { ...env, GATEWAY_PORT: String(port) }, true);
    await waitUntilReady(`http://127.0.0.1:${port}/ready`, 60_000, gateway.child);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { subgraphs: Record<string, string> };
    expect(ready.subgraphs).toEqual(Object.fromEntries(DEPARTMENTS.map((name) => [name, 'reachable'])));

    const trainee = findPoorTrainee();
    const viaStack = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    const viaSockets = await postGraphQL(`http://127.0.0.1:${port}/graphql`, TRAINEE, { id: String(trainee.id) }, await signToken('admin'));
    expect(viaSockets.errors).toBeUndefined();
    expect(viaSockets.data).toEqual(viaStack.data);
    expect(viaSockets.data.trainee.povertyHousehold).not.toBeNull();
  });
});

describe('a department stops mid-run', () => {
  it('answers everything else and names the dead department, then recovers when it returns', async () => {
    const trainee = findPoorTrainee();
    const healthy = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(healthy.errors).toBeUndefined();

    // The stack's gateway reaches youth-league over its socket: stopping it removes the file,
    // which must read exactly as a port nobody listens on.
    const socket = h.stack.subgraphSockets['youth-league'];
    expect(existsSync(socket)).toBe(true);
    await h.stack.services.get('youth-league')!.stop();
    expect(existsSync(socket)).toBe(false);
    const degraded = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(degraded.data.trainee).toMatchObject({ id: String(trainee.id), category: trainee.category, stories: null });
    expect(degraded.data.trainee.povertyHousehold).toEqual(healthy.data.trainee.povertyHousehold);
    expect(degraded.errors?.map((e) => e.message).join(' ')).toContain('youth-league');
    // the error says where: the one field youth-league would have filled
    expect(degraded.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
      expect.objectContaining({ path: ['trainee', 'stories'], code: 'SUBGRAPH_UNAVAILABLE', department: 'youth-league', reason: 'unreachable' }),
    ]);
    expect(await metric('subgraph_circuit_state', { department: 'youth-league' })).not.toBe(CLOSED);
    expect(await metric('subgraph_fetch_errors_total', { department: 'youth-league', reason: 'unreachable' })).toBe(1);

    // marked down: the next request does not try it at all
    const again = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(again.data.trainee).toMatchObject({ id: String(trainee.id), stories: null });
    expect(again.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
      expect.objectContaining({ path: ['trainee', 'stories'], department: 'youth-league', reason: 'circuit_open' }),
    ]);
    expect(await metric('subgraph_fetch_errors_total', { department: 'youth-league', reason: 'circuit_open' })).toBe(1);
    const ready = (await (await fetch(h.stack.gatewayUrl.replace('/graphql', '/ready'))).json()) as any;
    expect(ready.subgraphs['youth-league']).toBe('unreachable');
    expect(ready.subgraphs.hr).toBe('reachable');

    await h.stack.restart('youth-league'); // the gateway itself is not restarted
    expect(existsSync(socket)).toBe(true); // on the same path, where the gateway still looks
    await untilAnswersAgain('youth-league');
    const recovered = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toEqual(healthy.data);
  });
});

describe('a department that hangs', () => {
  it('is cut off at its deadline while the rest of the answer comes back', async () => {
    const trainee = findPoorTrainee();
    const poverty = h.stack.services.get('poverty')!.child;
    poverty.kill('SIGSTOP');
    try {
      const began = Date.now();
      const slow = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
      expect(Date.now() - began).toBeLessThan(8000);
      expect(slow.data.trainee).toMatchObject({ id: String(trainee.id), povertyHousehold: null });
      expect(slow.errors?.map((e) => e.message).join(' ')).toContain('poverty department did not answer in time');
      expect(slow.errors?.map((e) => e.path)).toEqual([['trainee', 'povertyHousehold']]);
      expect(await metric('subgraph_fetch_errors_total', { department: 'poverty', reason: 'timeout' })).toBe(1);

      // with poverty marked down, the next request does not wait for its 2 s deadline
      const again = Date.now();
      const fast = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
      expect(Date.now() - again).toBeLessThan(1000);
      expect(fast.data.trainee).toMatchObject({ id: String(trainee.id), povertyHousehold: null });
      expect(fast.errors?.map((e) => [e.path, e.extensions?.reason, e.message])).toEqual([
        [['trainee', 'povertyHousehold'], 'circuit_open', expect.stringContaining('poverty department is marked down')],
      ]);
      expect([OPEN, 1]).toContain(await metric('subgraph_circuit_state', { department: 'poverty' }));
    } finally {
      poverty.kill('SIGCONT');
    }
    await untilAnswersAgain('poverty');
    const back = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(back.errors).toBeUndefined();
  });
});

describe('production gateway from a static supergraph', () => {
  let gateway: ServiceProcess | undefined;
  afterAll(() => gateway?.stop());

  it('starts with a department unreachable, serves the rest, and hides introspection', async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, url] of Object.entries(h.stack.subgraphUrls)) env[`${name.toUpperCase().replace(/-/g, '_')}_URL`] = url;
    const composed = await composeSupergraph(env);
    expect(composed.errors).toEqual([]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'supergraph-')), 'supergraph.graphql');
    writeFileSync(file, composed.supergraphSdl!);

    await h.stack.services.get('womens-federation')!.stop();
    const port = await freePort();
    const secret = 'a-production-secret-that-is-not-the-development-one';
    gateway = spawnService('gateway-prod', require.resolve('@rg/gateway/dist/main.js'), {
      SUPERGRAPH_PATH: file, GATEWAY_PORT: String(port), JWT_SECRET: secret, SUBGRAPH_TIMEOUT_MS: '3000',
      GATEWAY_SIGNING_KEY: h.stack.gatewayKeys.signingKey,
    }, true);
    await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, gateway.child);
    const url = `http://127.0.0.1:${port}/graphql`;

    const parks = await postGraphQL(url, '{ incubatorParks(first: 1) { totalCount } }');
    expect(parks.data.incubatorParks.totalCount).toBe(h.world.agriculture.parks.length);
    const introspection = await postGraphQL(url, '{ __schema { types { name } } }');
    expect(introspection.errors?.length).toBeGreaterThan(0);
    const dead = await postGraphQL(url, '{ womenSupportCases(first: 1) { totalCount } incubatorParks(first: 1) { totalCount } }',
      undefined, await signToken('admin', { secret }));
    expect(dead.data?.incubatorParks.totalCount).toBe(h.world.agriculture.parks.length);
    expect(dead.errors?.map((e) => e.message).join(' ')).toContain('womens-federation');
    await h.stack.restart('womens-federation');
  });

  it('refuses to start in production with the development secret', async () => {
    const port = await freePort();
    const refused = spawnService('gateway-dev-secret', require.resolve('@rg/gateway/dist/main.js'), {
      SUPERGRAPH_PATH: '/nonexistent', GATEWAY_PORT: String(port), JWT_SECRET: '',
    }, true);
    const code = await new Promise<number | null>((resolve) => refused.child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(refused.output.join('\n')).toContain('development token secret');
  });
});
