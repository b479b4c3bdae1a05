import { SignJWT, UnsecuredJWT } from 'jose';
import { signToken, DEVELOPMENT_JWT_SECRET } from '@rg/access';
import { postGraphQL } from '@rg/dev-postgres';
import { startStackHarness, type StackHarness } from './stack-harness';

/** Authentication at the gateway and the identity each subgraph verifies for itself. */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness();
}, 180_000);
afterAll(() => h?.stop());

const PARKS = '{ incubatorParks(first: 2) { totalCount } }';
const secret = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
const claims = { dept: 'admin' };
const signed = (build: (jwt: SignJWT) => SignJWT) =>
  build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('returnee-graph').setAudience('returnee-graph')).sign(secret);

async function raw(token: string) {
  const response = await fetch(h.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PARKS }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('tokens at the gateway', () => {
  it('serves the public without a token', async () => {
    const { data, errors } = await h.query(PARKS);
    expect(errors).toBeUndefined();
    expect(data.incubatorParks.totalCount).toBe(h.world.agriculture.parks.length);
  });

  it.each([
    ['expired', () => signed((j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600))],
    ['unsigned (alg none)', async () => new UnsecuredJWT(claims).setSubject('x').setIssuer('returnee-graph').setAudience('returnee-graph').encode()],
    ['tampered', async () => {
      const [header, , signature] = (await signToken('analyst')).split('.');
      const forged = Buffer.from(JSON.stringify({ dept: 'admin', sub: 'x', iss: 'returnee-graph', aud: 'returnee-graph' })).toString('base64url');
      return `${header}.${forged}.${signature}`;
    }],
    ['signed with another secret', () => signToken('admin', { secret: 'not-the-secret-of-this-deployment-at-all' })],
    ['for an unknown role', async () => new SignJWT({ dept: 'mayor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x')
      .setIssuer('returnee-graph').setAudience('returnee-graph').setExpirationTime('1h').sign(secret)],
    ['garbage', async () => 'not.a.token'],
  ])('answers UNAUTHENTICATED to a token that is %s', async (_, make) => {
    const { status, body } = await raw(await make());
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });
});

describe('a subgraph called directly', () => {
  it('serves only public data without a verifiable token', async () => {
    const hr = h.stack.subgraphUrls.hr;
    const anonymous = await postGraphQL(hr, '{ trainees(first: 1) { totalCount } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const forged = await postGraphQL(hr, '{ trainees(first: 1) { totalCount } }', undefined,
      await signToken('admin', { secret: 'forged-by-someone-without-the-key' }));
    expect(forged.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const parks = await postGraphQL(h.stack.subgraphUrls.agriculture, PARKS);
    expect(parks.data.incubatorParks.totalCount).toBe(h.world.agriculture.parks.length);
  });
});

describe('query limits at the gateway', () => {
  const nested = (depth: number) => {
    let body = 'id';
    for (let i = 0; i < depth; i++) body = `founder { ventures { ${body} } }`;
    return `{ venture(id: "1") { ${body} } }`;
  };

  it('accepts the documented analyst queries', async () => {
    const { errors } = await h.query(`{ trainees(first: 5) { edges { node { id ventures { id park { id residents { id founder { id } } } } } } } }`, undefined, 'analyst');
    expect(errors).toBeUndefined();
  });

  it.each([
    ['too deep', nested(8)],
    ['too many aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: incubatorParks(first: 1) { totalCount }`).join(' ')} }`],
    ['too many tokens', `{ incubatorParks(first: 1) { ${Array.from({ length: 1100 }, () => 'totalCount').join(' ')} } }`],
    ['too many directives', `{ incubatorParks(first: 1) { totalCount ${Array.from({ length: 25 }, () => '@include(if: true)').join(' ')} } }`],
  ])('refuses a query that is %s, before any department is asked', async (_, query) => {
    const before = await h.statements('hr');
    const { data, errors } = await h.query(query, undefined, 'admin');
    expect(data).toBeUndefined();
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(errors?.[0].extensions?.code);
    expect(await h.statements('hr')).toBe(before);
  });

  it('refuses a query whose pages would cost more than the limit, before any department is asked', async () => {
    const page = 'trainees(first: 500) { edges { node { id personKey gender category stage ventures { id name } } } }';
    const query = `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
    const before = await h.statements('hr');
    const { data, errors } = await h.query(query, undefined, 'admin');
    expect(data).toBeUndefined();
    expect(errors?.[0].message).toMatch(/Query cost \d+ exceeds the limit of 50000/);
    expect(await h.statements('hr')).toBe(before);
  });

  it('refuses a page over 500 with BAD_USER_INPUT', async () => {
    const { errors } = await h.query('{ incubatorParks(first: 501) { totalCount } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('comparison queries refuse bad arguments with BAD_USER_INPUT naming the argument, before any department reads', () => {
    const SCORECARDS = 'query($r: [ID!]!, $y: [Int!]!) { scorecards(regionCodes: $r, years: $y) { regionCode trained { value } } }';
    const MONTHLY = 'query($r: ID!, $y: Int!) { monthlyStatistics(regionCode: $r, year: $y) { month trained } }';
    const xuzhouCounties = ['320302', '320303', '320305', '320311', '320312', '320321', '320322', '320324', '320381', '320382'];
    // 10 regions × 20 years is the limit; one more region, at 19 years, is 209.
    it.each([
      ['an empty list of regions', SCORECARDS, { r: [], y: [2019] }, 'regionCodes'],
      ['an empty list of years', SCORECARDS, { r: ['320300'], y: [] }, 'years'],
      ['an unknown region code', SCORECARDS, { r: ['320300', '999999'], y: [2019] }, 'regionCodes'],
      ['a code of another province', SCORECARDS, { r: ['110000'], y: [2019] }, 'regionCodes'],
      ['a year before the data', SCORECARDS, { r: ['320300'], y: [2019, 1999] }, 'years'],
      ['a year after the data', SCORECARDS, { r: ['320300'], y: [2101] }, 'years'],
      ['more than 200 region-years', SCORECARDS, { r: [...xuzhouCounties, '320300'], y: Array.from({ length: 19 }, (_, i) => 2002 + i) }, 'regionCodes'],
      ['201 region-years', SCORECARDS, { r: [...xuzhouCounties.slice(0, 3)], y: Array.from({ length: 67 }, (_, i) => 2001 + i) }, 'regionCodes'],
      ['monthly statistics of an unknown region', MONTHLY, { r: '320399', y: 2019 }, 'regionCode'],
      ['monthly statistics of a year outside the data', MONTHLY, { r: '320300', y: 1900 }, 'year'],
    ])('%s', async (_, query, variables, argument) => {
      const before = await Promise.all(['hr', 'poverty'].map((d) => h.statements(d)));
      const { data, errors } = await h.query(query, variables, 'analyst');
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(argument), extensions: { code: 'BAD_USER_INPUT', field: argument } });
      expect(data ?? null).toBeNull();
      expect(await Promise.all(['hr', 'poverty'].map((d) => h.statements(d)))).toEqual(before);
    });

    it('answers exactly 200 region-years', async () => {
      const { data, errors } = await h.query(SCORECARDS, { r: xuzhouCounties, y: Array.from({ length: 20 }, (_, i) => 2001 + i) }, 'analyst');
      expect(errors).toBeUndefined();
      expect(data.scorecards).toHaveLength(200);
    });
  });

  it('gives no field suggestions', async () => {
    const { errors } = await h.query('{ incubatorPark(id: "1") { nam } }');
    expect(errors?.[0].message).not.toMatch(/Did you mean/i);
  });

  it('refuses batched HTTP arrays and oversized bodies', async () => {
    const batched = await fetch(h.stack.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: PARKS }, { query: PARKS }]),
    });
    expect(batched.status).toBe(400);
    const huge = await fetch(h.stack.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PARKS, variables: { pad: 'x'.repeat(100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it("answers a plain POST as it answers a browser page's: the same bodies, statuses and refusals", async () => {
    // Without Origin a POST takes the gateway's direct path; with one, express's (CORS) path.
    const post = async (body: string, origin?: string) => {
      const response = await fetch(h.stack.gatewayUrl, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body,
      });
      return { status: response.status, vary: response.headers.get('vary'), type: response.headers.get('content-type'), body: await response.json() };
    };
    const cases = [
      JSON.stringify({ query: PARKS }),
      JSON.stringify({ query: PARKS, operationName: 'Missing' }),
      '{"query": ', // cut off
      '"just a string"', // JSON, but not an object or array
      '',
      JSON.stringify({ query: PARKS, variables: { pad: 'x'.repeat(100_000) } }),
    ];
    for (const body of cases) {
      const plain = await post(body);
      const browser = await post(body, 'http://localhost:3000');
      expect({ sent: body.slice(0, 30), ...plain }).toEqual({ sent: body.slice(0, 30), ...browser });
    }
    expect((await post(cases[0])).body.data.incubatorParks.totalCount).toBe(h.world.agriculture.parks.length);
    expect(await post(cases[2])).toMatchObject({ status: 400, body: { errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] } });
    expect(await post(cases[3])).toMatchObject({ status: 400, body: { errors: [{ message: 'Malformed request body' }] } });
    expect(await post(cases[5])).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
  });

  it('answers CORS preflights only for configured origins', async () => {
    const preflight = (origin: string) => fetch(h.stack.gatewayUrl, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect((await preflight('http://localhost:3000')).headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('masks internal errors: no stack trace or SQL in answers', async () => {
    const { errors } = await h.query('{ trainees(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }', undefined, 'admin');
    const text = JSON.stringify(errors);
    expect(text).not.toMatch(/stacktrace|SELECT |\bat .*\.js:\d+/);
  });
});
