import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { ROLES, GATEWAY_SIGNATURE_HEADER, generateGatewayKeyPair, importGatewaySigningKey, signGatewayRequest, signToken, type GatewaySigningKey, type Role } from '@rg/access';
import { freePort, postGraphQL } from '@rg/dev-postgres';
import { spawnService } from '@rg/infra';
import { startStackHarness, type StackHarness } from './stack-harness';
import { departmentSurfaces, type DepartmentSurface, type Probe } from './federation-surface';

/**
 * The federation channel (_entities, _service, @inaccessible and @requires fields) answers the
 * gateway only: called straight at a department with any token or a bad signature it is
 * refused with 401 before anything is read or audited; signed by the gateway it works.
 */
let h: StackHarness;
let surfaces: DepartmentSurface[];
let gatewayKey: GatewaySigningKey;
let strangerKey: GatewaySigningKey;
beforeAll(async () => {
  h = await startStackHarness();
  gatewayKey = await importGatewaySigningKey(h.stack.gatewayKeys.signingKey);
  strangerKey = await importGatewaySigningKey(JSON.stringify((await generateGatewayKeyPair()).privateJwk));
  const trainee = h.world.hr.trainees[0];
  surfaces = await departmentSurfaces((field, type) => {
    if (/code$/i.test(field)) return '320300';
    if (field === 'personKey') return trainee.personKey;
    if (field === 'month') return 6;
    if (type === 'Int') return 2019;
    return '1';
  });
}, 180_000);
afterAll(() => h?.stop());

type Signer = (department: string, body: string) => Promise<string> | string;
interface Caller { name: string; role?: Exclude<Role, 'public'>; sign?: Signer; refusal: RegExp }

const MISSING = /answered to the gateway only: the request carries no gateway signature \(X-Gateway-Signature\)/;
const otherDepartment = (department: string) => (department === 'hr' ? 'poverty' : 'hr');
const callers = (): Caller[] => [
  { name: 'no token', refusal: MISSING },
  ...ROLES.map((role) => ({ name: `a ${role} token`, role, refusal: MISSING })),
  { name: 'a forged signature (another key)', role: 'admin', sign: (d, b) => signGatewayRequest(strangerKey, d, b), refusal: /refused: the signing key is not one this department accepts/ },
  { name: 'an expired signature', role: 'admin', sign: (d, b) => signGatewayRequest(gatewayKey, d, b, { issuedAt: Math.floor(Date.now() / 1000) - 120 }), refusal: /refused: the signature has expired/ },
  { name: "another department's signature", role: 'admin', sign: (d, b) => signGatewayRequest(gatewayKey, otherDepartment(d), b), refusal: /refused: the signature is not for this department \(audience must be "/ },
  { name: 'a signature of another body', role: 'admin', sign: (d) => signGatewayRequest(gatewayKey, d, '{"query":"{ __typename }"}'), refusal: /refused: the signature was made for another request body/ },
  { name: 'a malformed signature', role: 'admin', sign: () => 'not-a-jwt', refusal: /refused: the signature is not a well-formed JWT/ },
];

async function send(url: string, department: string, probe: Probe, role?: Exclude<Role, 'public'>, sign?: Signer) {
  const body = JSON.stringify({ query: probe.query, variables: probe.variables });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role) headers.authorization = `Bearer ${await signToken(role)}`;
  if (sign) headers[GATEWAY_SIGNATURE_HEADER] = await sign(department, body);
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as any };
}

async function auditRows(department: string): Promise<number> {
  const client = new Client({ connectionString: h.stack.databaseUrls[department] });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n;
  } finally {
    await client.end();
  }
}

const asGateway: Signer = (d, b) => signGatewayRequest(gatewayKey, d, b);

describe('the federation channel, called round the gateway', () => {
  it('is derived from every department schema: entity types, @inaccessible and @requires fields', () => {
    expect(surfaces.map((s) => s.department)).toEqual(['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation']);
    for (const surface of surfaces) expect(surface.entityTypes.length).toBeGreaterThan(0);
    const all = surfaces.flatMap((s) => s.channelFields.map((f) => `${s.department} ${f}`));
    expect(all).toEqual(expect.arrayContaining(['hr Scorecard.traineeKeySet', 'hr PoorHousehold.members', 'poverty Scorecard.poorTraineeShare',
      'womens-federation Scorecard.poorWomenSupportedShare']));
  });

  it.each(['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation'])(
    '%s refuses every entity type, _service and channel field to every caller but the gateway, reading nothing', async (department) => {
      const surface = surfaces.find((s) => s.department === department)!;
      const url = h.stack.subgraphUrls[department];
      const [auditBefore, statementsBefore] = [await auditRows(department), await h.statements(department)];
      const failures: string[] = [];
      for (const probe of surface.probes) {
        for (const caller of callers()) {
          const { status, body } = await send(url, department, probe, caller.role, caller.sign);
          const error = body.errors?.[0];
          if (status !== 401 || error?.extensions?.code !== 'UNAUTHENTICATED' || !caller.refusal.test(error.message) || body.data !== undefined) {
            failures.push(`${probe.name} with ${caller.name}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(surface.probes.length).toBeGreaterThan(surface.entityTypes.length);
      expect(await auditRows(department)).toBe(auditBefore);
      expect(await h.statements(department)).toBe(statementsBefore);
    });

  it.each(['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation'])(
    '%s answers the same entity requests and _service when the gateway signs them', async (department) => {
      const surface = surfaces.find((s) => s.department === department)!;
      for (const request of surface.entityRequests) {
        const { status, body } = await send(h.stack.subgraphUrls[department], department, request, 'admin', asGateway);
        expect({ request: request.name, status, errors: body.errors }).toEqual({ request: request.name, status: 200, errors: undefined });
        expect(body.data._entities).toHaveLength(1);
        expect(body.data._entities[0]?.__typename).toBe(request.type);
      }
      const service = await send(h.stack.subgraphUrls[department], department, { name: '_service', query: '{ _service { sdl } }' }, undefined, asGateway);
      expect(service.body.data._service.sdl).toContain('type Query');
    });

  it('closes the holes the issue found: an anonymous key set, and a made-up key set as a registry oracle', async () => {
    const keySetQuery = { name: 'hr key set', query: '{ scorecard(regionCode: "320300", year: 2019) { traineeKeySet } }' };
    const anonymous = await send(h.stack.subgraphUrls.hr, 'hr', keySetQuery);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].message).toBe('Scorecard.traineeKeySet is answered to the gateway only: the request carries no gateway signature (X-Gateway-Signature)');
    const signed = await send(h.stack.subgraphUrls.hr, 'hr', keySetQuery, undefined, asGateway);
    const keySet = signed.body.data.scorecard.traineeKeySet as string;
    expect(keySet.length).toBeGreaterThan(0);

    const oracle = { name: 'poverty share', query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Scorecard { poorTraineeShare { value } } } }',
      variables: { r: [{ __typename: 'Scorecard', regionCode: '320300', year: 2019, traineeKeySet: keySet }] } };
    expect((await send(h.stack.subgraphUrls.poverty, 'poverty', oracle, 'analyst')).status).toBe(401);
    const viaGateway = await send(h.stack.subgraphUrls.poverty, 'poverty', oracle, undefined, asGateway);
    expect(viaGateway.body.data._entities[0].poorTraineeShare.value).toBeGreaterThan(0);
  });

  it('still serves ordinary root fields called directly, under the access matrix', async () => {
    for (const department of Object.keys(h.stack.subgraphUrls)) {
      const { data, errors } = await postGraphQL(h.stack.subgraphUrls[department], '{ region(code: "320300") { code } }');
      expect({ department, errors, data }).toEqual({ department, errors: undefined, data: { region: { code: '320300' } } });
    }
    const anonymous = await postGraphQL(h.stack.subgraphUrls.hr, '{ trainees(first: 1) { totalCount } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = await postGraphQL(h.stack.subgraphUrls.hr, '{ trainees(first: 1) { totalCount } }', undefined, await signToken('analyst'));
    expect(analyst.data.trainees.totalCount).toBe(h.world.hr.trainees.length);
  });
});

const CROSS_DEPARTMENT = `{ scorecard(regionCode: "320300", year: 2019) { trained { value } poorTraineeShare { value } poorWomenSupportedShare { value } newParks { value } }
  trainees(filter: { regionCode: "320300", category: REGISTERED_POOR }, first: 3) { edges { node { personKey povertyHousehold { id members { personKey } } womenSupport { id } stories { id } } } } }`;

describe('through the gateway', () => {
  it('answers cross-department queries (entities and @requires) signed, with the caller token still applied', async () => {
    const admin = await h.query(CROSS_DEPARTMENT, undefined, 'admin');
    expect(admin.errors).toBeUndefined();
    expect(admin.data.scorecard.poorTraineeShare.value).toBeGreaterThan(0);
    expect(admin.data.trainees.edges.some((e: any) => e.node.povertyHousehold?.members.length > 0)).toBe(true);
    const publicScorecard = await h.query('{ scorecard(regionCode: "320300", year: 2019) { poorTraineeShare { value } poorWomenSupportedShare { value } } }');
    expect(publicScorecard.errors).toBeUndefined();
    expect(publicScorecard.data.scorecard.poorTraineeShare.value).toBe(admin.data.scorecard.poorTraineeShare.value);
    const publicTrainees = await h.query('{ trainees(first: 1) { totalCount } }');
    expect(publicTrainees.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('production refuses to start without keys', () => {
  it.each([
    ['the gateway without GATEWAY_SIGNING_KEY', () => require.resolve('@rg/gateway/dist/main.js'),
      { SUPERGRAPH_PATH: '/nonexistent', JWT_SECRET: 'a-production-secret-that-is-not-the-development-one' }, /without GATEWAY_SIGNING_KEY/],
    ['a department without GATEWAY_PUBLIC_KEYS', () => require.resolve('@rg/hr'),
      { NODE_ENV: 'production', HR_DATABASE_URL: 'postgres://127.0.0.1:1/none' }, /without GATEWAY_PUBLIC_KEYS/],
  ])('%s', async (_, entry, env, message) => {
    const service = spawnService('refused', entry(), { ...env, GATEWAY_PORT: String(await freePort()), HR_PORT: String(await freePort()) }, true);
    const code = await new Promise<number | null>((resolve) => service.child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(service.output.join('\n')).toMatch(message);
  });
});

describe('key rotation, by configuration', () => {
  const restartHr = async (publicKeys: string) => {
    await h.stack.services.get('hr')!.stop();
    await h.stack.restart('hr', { GATEWAY_PUBLIC_KEYS: publicKeys });
  };

  it('accepts old and new keys during a rotation, and refuses the old one once dropped', async () => {
    // What `npm run token -- gateway` prints, run as an operator would with the current set in the environment.
    const printed = execFileSync(process.execPath, [require.resolve('@rg/infra/dist/token-cli.js'), 'gateway'],
      { env: { ...process.env, GATEWAY_PUBLIC_KEYS: h.stack.gatewayKeys.publicKeys }, encoding: 'utf8' });
    const value = (name: string) => /^\w+='(.*)'$/m.exec(printed.split('\n').find((l) => l.startsWith(`${name}=`)) ?? '')?.[1];
    const bothKeys = value('GATEWAY_PUBLIC_KEYS')!;
    expect(JSON.parse(bothKeys).keys).toHaveLength(2);
    const newKey = await importGatewaySigningKey(value('GATEWAY_SIGNING_KEY')!);
    const hrEntity = surfaces[0].entityRequests[0];
    const withNewKey: Signer = (d, b) => signGatewayRequest(newKey, d, b);
    const admin = await signToken('admin');

    await restartHr(bothKeys);
    expect((await send(h.stack.subgraphUrls.hr, 'hr', hrEntity, 'admin', asGateway)).body.errors).toBeUndefined();
    expect((await send(h.stack.subgraphUrls.hr, 'hr', hrEntity, 'admin', withNewKey)).body.errors).toBeUndefined();
    const during = await postGraphQL(h.stack.gatewayUrl, CROSS_DEPARTMENT, undefined, admin);
    expect(during.errors).toBeUndefined();

    await restartHr(JSON.stringify({ keys: [JSON.parse(bothKeys).keys[1]] }));
    const refused = await send(h.stack.subgraphUrls.hr, 'hr', hrEntity, 'admin', asGateway);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toMatch(/the signing key is not one this department accepts/);
    expect((await send(h.stack.subgraphUrls.hr, 'hr', hrEntity, 'admin', withNewKey)).body.errors).toBeUndefined();
    // The gateway still signing with the dropped key gets nothing from hr.
    const retired = await postGraphQL(h.stack.gatewayUrl, CROSS_DEPARTMENT, undefined, admin);
    expect(retired.errors?.map((e) => e.message).join(' ')).toContain('hr');
  }, 120_000);
});
