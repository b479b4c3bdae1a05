import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeSupergraph, spawnService, waitUntilReady, type ServiceProcess } from '@rg/infra';
import { freePort } from '@rg/dev-postgres';
import { postGraphQL } from '@rg/dev-postgres';
import { signToken } from '@rg/subgraph-kit';
import { startStackHarness, type StackHarness } from './stack-harness';

/** A department that is down, slow or failing must not take the graph down. */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness({ env: { SUBGRAPH_TIMEOUT_MS: '2000' } });
}, 180_000);
afterAll(() => h?.stop());

const TRAINEE = `query($id: ID!) { trainee(id: $id) { id category povertyHousehold { id } stories { id } ventures { id } } }`;

function findPoorTrainee() {
  const keys = new Set(h.world.poverty.members.map((m) => m.personKey));
  return h.world.hr.trainees.find((t) => keys.has(t.personKey))!;
}

describe('a department stops mid-run', () => {
  it('answers everything else and names the dead department, then recovers when it returns', async () => {
    const trainee = findPoorTrainee();
    const healthy = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(healthy.errors).toBeUndefined();

    await h.stack.services.get('youth-league')!.stop();
    const degraded = await h.query(TRAINEE, { id: String(trainee.id) }, 'admin');
    expect(degraded.data.trainee).toMatchObject({ id: String(trainee.id), category: trainee.category, stories: null });
    expect(degraded.data.trainee.povertyHousehold).toEqual(healthy.data.trainee.povertyHousehold);
    expect(degraded.errors?.map((e) => e.message).join(' ')).toContain('youth-league');
    const ready = (await (await fetch(h.stack.gatewayUrl.replace('/graphql', '/ready'))).json()) as any;
    expect(ready.subgraphs['youth-league']).toBe('unreachable');
    expect(ready.subgraphs.hr).toBe('reachable');

    await h.stack.restart('youth-league');
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
    } finally {
      poverty.kill('SIGCONT');
    }
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
