import { buildSubgraphSchema } from '@apollo/subgraph';
import { exportPKCS8, generateKeyPair } from 'jose';
import gql from 'graphql-tag';
import { parse } from 'graphql';
import { FEDERATION_LINK } from './federation-schema';
import { federationChannelFields, channelFieldsSelected } from './federation-channel';
import {
  generateGatewayKeyPair, importGatewayKeySet, importGatewaySigningKey, signGatewayRequest, signGatewayRequests, verifyGatewaySignature,
  GatewaySignatureError, GatewayKeyConfigError, MAX_SIGNED_TOGETHER,
} from '@rg/access';

/** The channel's two halves without a server: which selections need the gateway, and which signatures pass. */
const schema = buildSubgraphSchema({
  typeDefs: gql`${FEDERATION_LINK}
    type Card @key(fields: "code") { code: String! total: Int keySet: String! @inaccessible keys: String @external share: Float @requires(fields: "keys") }
    type Query { card(code: String!): Card cards: [Card!]! }`,
  resolvers: {},
});

describe('which selections are the federation channel', () => {
  it('reads them from the schema: _entities, _service, @inaccessible and @requires fields', () => {
    expect([...federationChannelFields(schema)].sort()).toEqual(['Card.keySet', 'Card.share', 'Query._entities', 'Query._service']);
  });

  it.each([
    ['an inaccessible field under a root field', '{ card(code: "1") { total keySet } }', ['Card.keySet']],
    ['a requires field behind an alias', '{ cards { n: share } }', ['Card.share']],
    ['_entities with an inline fragment', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Card { total } } }', ['Query._entities']],
    ['_service', '{ _service { sdl } }', ['Query._service']],
    ['a named fragment, even in another operation', 'query A { cards { ...F } } query B { cards { code } } fragment F on Card { keySet share }', ['Card.keySet', 'Card.share']],
    ['nothing of the channel', '{ card(code: "1") { code total } cards { code } }', []],
  ])('finds %s', (_, query, expected) => {
    expect(channelFieldsSelected(schema, parse(query))).toEqual(expected);
  });
});

describe('gateway signatures', () => {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  let gateway: Awaited<ReturnType<typeof generateGatewayKeyPair>>;
  beforeAll(async () => {
    gateway = await generateGatewayKeyPair();
  });
  const keySet = (...keys: object[]) => importGatewayKeySet(JSON.stringify({ keys }));
  const sign = async (privateJwk: object, department = 'hr', payload = body, options = {}) =>
    signGatewayRequest(await importGatewaySigningKey(JSON.stringify(privateJwk)), department, payload, options);
  const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: GatewaySignatureError) => `${error.reason}: ${error.message}`);

  it('accepts the gateway signature for this department and this body', async () => {
    await expect(verifyGatewaySignature(await sign(gateway.privateJwk), 'hr', body, await keySet(gateway.publicJwk))).resolves.toBeUndefined();
  });

  it.each([
    ['expired', async () => sign(gateway.privateJwk, 'hr', body, { issuedAt: Math.floor(Date.now() / 1000) - 120 }), /^expired: the signature has expired/],
    ['made for another department', async () => sign(gateway.privateJwk, 'poverty'), /^audience: .*audience must be "hr"/],
    ['made for another body', async () => sign(gateway.privateJwk, 'hr', JSON.stringify({ query: '{ cards { code } }' })), /^body: .*body_sha256/],
    ['signed by an unknown key', async () => sign((await generateGatewayKeyPair()).privateJwk), /^unknown-key: .*accepted kids/],
    ['forged with the kid of the real key', async () => sign({ ...(await generateGatewayKeyPair()).privateJwk, kid: gateway.publicJwk.kid }), /^bad-signature: /],
    ['claiming a long life', async () => sign(gateway.privateJwk, 'hr', body, { lifetimeSeconds: 3600 }), /^claims: the signature claims a life of 3600 s; at most 300 s/],
    ['malformed', async () => 'not-a-jwt', /^malformed: the signature is not a well-formed JWT/],
    ['issued in the future', async () => sign(gateway.privateJwk, 'hr', body, { issuedAt: Math.floor(Date.now() / 1000) + 60 }), /^expired: .*issued in the future/],
    ['whose claims were changed after signing', async () => {
      const [header, claims, signature] = (await sign(gateway.privateJwk)).split('.');
      const widened = { ...JSON.parse(Buffer.from(claims, 'base64url').toString()), aud: ['hr', 'poverty'] };
      return `${header}.${Buffer.from(JSON.stringify(widened)).toString('base64url')}.${signature}`;
    }, /^bad-signature: /],
    ['with another algorithm in its header', async () => {
      const [, claims, signature] = (await sign(gateway.privateJwk)).split('.');
      return `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: gateway.publicJwk.kid })).toString('base64url')}.${claims}.${signature}`;
    }, /^malformed: only EdDSA/],
  ])('refuses a signature %s, saying why', async (_, make, reason) => {
    expect(await refusal(verifyGatewaySignature(await make(), 'hr', body, await keySet(gateway.publicJwk)))).toMatch(reason);
  });

  describe('one signature shared by requests sent together', () => {
    const other = JSON.stringify({ query: '{ cards { code } }' });
    const together = async () => signGatewayRequests(await importGatewaySigningKey(JSON.stringify(gateway.privateJwk)),
      [{ department: 'hr', body }, { department: 'poverty', body }, { department: 'hr', body: other }]);
    const check = async (header: string, department: string, payload: string) =>
      refusal(verifyGatewaySignature(header, department, payload, await keySet(gateway.publicJwk)));

    it('accepts each request at its own department with its own body, under one signature', async () => {
      const headers = await together();
      expect(new Set(headers.map((header) => header.split('~')[0])).size).toBe(1);
      expect(await check(headers[0], 'hr', body)).toBe('accepted');
      expect(await check(headers[1], 'poverty', body)).toBe('accepted');
      expect(await check(headers[2], 'hr', other)).toBe('accepted');
    });

    it('keeps the single form for a request signed alone', async () => {
      const [header] = await signGatewayRequests(await importGatewaySigningKey(JSON.stringify(gateway.privateJwk)), [{ department: 'hr', body }]);
      expect(header).not.toContain('~');
      expect(await check(header, 'hr', body)).toBe('accepted');
    });

    it.each([
      ['with another body', (h: string[]) => check(h[0], 'hr', other), /^body: .*its entry does not match/],
      ['at another department the signature names', (h: string[]) => check(h[0], 'poverty', body), /^body: .*its entry does not match/],
      ['at a department the signature does not name', (h: string[]) => check(h[0], 'agriculture', body), /^audience: /],
      ['with its entry moved to another request', (h: string[]) => check(h[0].replace('~0.', '~2.'), 'hr', body), /^body: .*its entry does not match/],
      ['with an entry past the list', (h: string[]) => check(h[0].replace('~0.', '~7.'), 'hr', body), /^body: the signature lists no request at that entry/],
      ['without its entry', (h: string[]) => check(h[0].split('~')[0], 'hr', body), /^body: .*body_sha256/],
      ['with a made-up nonce', (h: string[]) => check(`${h[0].split('~')[0]}~0.${'A'.repeat(22)}`, 'hr', body), /^body: .*its entry does not match/],
      ['with a malformed entry', (h: string[]) => check(`${h[0]}x`, 'hr', body), /^malformed: .*its request entry is not "<index>.<nonce>"/],
      ['with two entries', (h: string[]) => check(`${h[0]}~1.x`, 'hr', body), /^malformed: .*more than one "~"/],
    ])('refuses a shared signature used %s', async (_, use, reason) => {
      expect(await use(await together())).toMatch(reason);
    });

    it('refuses an entry appended to a signature made for one request', async () => {
      const [, entry] = (await together())[0].split('~');
      expect(await check(`${await sign(gateway.privateJwk)}~${entry}`, 'hr', body)).toMatch(/^body: the signature lists no request at that entry/);
    });

    it(`shares one signature among at most ${MAX_SIGNED_TOGETHER} requests`, async () => {
      const key = await importGatewaySigningKey(JSON.stringify(gateway.privateJwk));
      await expect(signGatewayRequests(key, Array.from({ length: MAX_SIGNED_TOGETHER + 1 }, () => ({ department: 'hr', body }))))
        .rejects.toThrow(/at most 32 requests share one signature, not 33/);
    });
  });

  it('accepts old and new keys during a rotation, and only the new one after', async () => {
    const next = await generateGatewayKeyPair();
    const during = await keySet(gateway.publicJwk, next.publicJwk);
    expect(await refusal(verifyGatewaySignature(await sign(gateway.privateJwk), 'hr', body, during))).toBe('accepted');
    expect(await refusal(verifyGatewaySignature(await sign(next.privateJwk), 'hr', body, during))).toBe('accepted');
    const after = await keySet(next.publicJwk);
    expect(await refusal(verifyGatewaySignature(await sign(gateway.privateJwk), 'hr', body, after))).toMatch(/^unknown-key/);
    expect(await refusal(verifyGatewaySignature(await sign(next.privateJwk), 'hr', body, after))).toBe('accepted');
  });

  it('takes a PKCS#8 PEM as the signing key, its kid being the public key thumbprint', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const signingKey = await importGatewaySigningKey(await exportPKCS8(privateKey));
    expect(signingKey.kid).toMatch(/^[\w-]{43}$/);
  });

  it.each([
    ['a private key among the public ones', () => keySet(gateway.privateJwk), /contains a private part/],
    ['an RSA key', () => keySet({ kty: 'RSA', n: 'x', e: 'AQAB' }), /not an Ed25519 public key/],
    ['an empty set', () => keySet(), /holds no key/],
    ['no JSON', () => importGatewayKeySet('pem?'), /not JSON/],
    ['a public key as the signing key', () => importGatewaySigningKey(JSON.stringify(gateway.publicJwk)), /no private part/],
  ])('refuses key configuration with %s', async (_, load, message) => {
    const error = await load().then(() => undefined, (e: Error) => e);
    expect(error).toBeInstanceOf(GatewayKeyConfigError);
    expect(error?.message).toMatch(message);
  });
});
