import { createHash, sign, KeyObject } from 'node:crypto';
import {
  jwtVerify, createLocalJWKSet, importJWK, importPKCS8, exportJWK, generateKeyPair, calculateJwkThumbprint,
  type JWK, type JSONWebKeySet, type CryptoKey,
} from 'jose';

/**
 * The gateway's signature on every request it sends a department: a short-lived EdDSA
 * (Ed25519) JWT in its own header, beside the caller's Authorization header. Asymmetric, so
 * a department holds only public keys and cannot sign as the gateway towards another one.
 * Claims: iss = the gateway, aud = the department, iat/exp, and the SHA-256 of the exact
 * request body, so a captured signature cannot carry another query or other representations.
 */
export const GATEWAY_SIGNATURE_HEADER = 'x-gateway-signature';
export const GATEWAY_ISSUER = 'returnee-graph-gateway';
/** How long one signature is valid: long enough for clock skew, too short to be worth capturing. */
export const SIGNATURE_LIFETIME_SECONDS = 60;
/** Signatures older than this, or claiming a longer life, are refused whoever made them. */
const MAX_SIGNATURE_SECONDS = 300;
const MAX_SIGNATURE_AGE = `${MAX_SIGNATURE_SECONDS}s`;
const ALGORITHM = 'EdDSA';

export interface GatewaySigningKey {
  kid: string;
  key: CryptoKey;
}

/** The public keys a department accepts; two or more while the gateway's key is rotated. */
export interface GatewayKeySet {
  kids: string[];
  verify: ReturnType<typeof createLocalJWKSet>;
}

export class GatewayKeyConfigError extends Error {}

/** Why a signature was refused, in words an operator can act on. */
export class GatewaySignatureError extends Error {
  constructor(readonly reason: 'malformed' | 'expired' | 'audience' | 'unknown-key' | 'bad-signature' | 'body' | 'claims', message: string) {
    super(message);
  }
}

export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

async function withKid(jwk: JWK): Promise<JWK & { kid: string }> {
  const { d: _private, ...publicPart } = jwk;
  return { ...jwk, alg: ALGORITHM, kid: jwk.kid ?? (await calculateJwkThumbprint(publicPart)) };
}

/** A fresh Ed25519 key pair as JWKs with the same kid: the private one for a gateway, the public one for departments. */
export async function generateGatewayKeyPair(): Promise<{ privateJwk: JWK & { kid: string }; publicJwk: JWK & { kid: string } }> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  const publicJwk = await withKid(await exportJWK(publicKey));
  return { privateJwk: { ...(await exportJWK(privateKey)), alg: ALGORITHM, kid: publicJwk.kid }, publicJwk };
}

/** GATEWAY_SIGNING_KEY: a private JWK (its kid, or else its thumbprint) or a PKCS#8 PEM (kid = thumbprint). */
export async function importGatewaySigningKey(text: string): Promise<GatewaySigningKey> {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) {
      const key = await importPKCS8(trimmed, ALGORITHM, { extractable: true });
      const { d: _private, ...publicPart } = await exportJWK(key);
      return { kid: await calculateJwkThumbprint(publicPart), key };
    }
    const jwk = await withKid(JSON.parse(trimmed) as JWK);
    if (!jwk.d) throw new Error('the JWK has no private part ("d")');
    return { kid: jwk.kid, key: (await importJWK(jwk, ALGORITHM)) as CryptoKey };
  } catch (error) {
    throw new GatewayKeyConfigError(`GATEWAY_SIGNING_KEY is not an Ed25519 private key (JWK or PKCS#8 PEM): ${(error as Error).message}`);
  }
}

/** GATEWAY_PUBLIC_KEYS: a JWK set ({"keys": [...]}), an array of JWKs, or one JWK. */
export async function importGatewayKeySet(text: string): Promise<GatewayKeySet> {
  let keys: JWK[];
  try {
    const parsed = JSON.parse(text) as JSONWebKeySet | JWK[] | JWK;
    keys = Array.isArray(parsed) ? parsed : 'keys' in parsed && Array.isArray(parsed.keys) ? parsed.keys : [parsed as JWK];
  } catch (error) {
    throw new GatewayKeyConfigError(`GATEWAY_PUBLIC_KEYS is not JSON (a JWK set): ${(error as Error).message}`);
  }
  const published: Array<JWK & { kid: string }> = [];
  for (const [i, jwk] of keys.entries()) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) {
      throw new GatewayKeyConfigError(`GATEWAY_PUBLIC_KEYS: key ${i} is not an Ed25519 public key (kty OKP, crv Ed25519, x)`);
    }
    if (jwk.d) throw new GatewayKeyConfigError(`GATEWAY_PUBLIC_KEYS: key ${i} contains a private part ("d"); give departments the public key only`);
    published.push(await withKid(jwk));
  }
  if (!published.length) throw new GatewayKeyConfigError('GATEWAY_PUBLIC_KEYS holds no key');
  return { kids: published.map((k) => k.kid), verify: createLocalJWKSet({ keys: published }) };
}

const keyObjects = new WeakMap<CryptoKey, KeyObject>();
const base64url = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * Signs one request body for one department: a compact JWS, as jose's SignJWT would make it,
 * signed with Node's own synchronous Ed25519. The gateway signs every fetch it sends, and
 * WebCrypto's asynchronous path costs it several times more CPU per signature.
 */
export async function signGatewayRequest(signingKey: GatewaySigningKey, department: string, body: string | Uint8Array,
  options: { issuedAt?: number; lifetimeSeconds?: number } = {}): Promise<string> {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  let key = keyObjects.get(signingKey.key);
  if (!key) keyObjects.set(signingKey.key, (key = KeyObject.from(signingKey.key)));
  const header = base64url({ alg: ALGORITHM, kid: signingKey.kid, typ: 'gateway-request+jwt' });
  const claims = base64url({
    body_sha256: bodyHash(body), iss: GATEWAY_ISSUER, aud: department,
    iat: issuedAt, exp: issuedAt + (options.lifetimeSeconds ?? SIGNATURE_LIFETIME_SECONDS),
  });
  const signingInput = `${header}.${claims}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), key).toString('base64url')}`;
}

/** Checks a signature header against this department and the body it came with; throws why not. */
export async function verifyGatewaySignature(header: string, department: string, body: string | Uint8Array, keys: GatewayKeySet): Promise<void> {
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(header.trim(), keys.verify, {
      issuer: GATEWAY_ISSUER, audience: department, algorithms: [ALGORITHM],
      maxTokenAge: MAX_SIGNATURE_AGE, clockTolerance: 5, requiredClaims: ['iat', 'exp'],
    }));
  } catch (error) {
    throw describe(error as Error & { code?: string; claim?: string }, department, keys);
  }
  const lifetime = Number(claims.exp) - Number(claims.iat);
  if (lifetime > MAX_SIGNATURE_SECONDS) {
    throw new GatewaySignatureError('claims', `the signature claims a life of ${lifetime} s; at most ${MAX_SIGNATURE_SECONDS} s are accepted`);
  }
  if (claims.body_sha256 !== bodyHash(body)) {
    throw new GatewaySignatureError('body', 'the signature was made for another request body (body_sha256 does not match)');
  }
}

function describe(error: Error & { code?: string; claim?: string }, department: string, keys: GatewayKeySet): GatewaySignatureError {
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return new GatewaySignatureError('expired', 'the signature has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (error.claim === 'aud') return new GatewaySignatureError('audience', `the signature is not for this department (audience must be "${department}")`);
      if (error.claim === 'iat') return new GatewaySignatureError('expired', `the signature is older than ${MAX_SIGNATURE_AGE} or issued in the future`);
      return new GatewaySignatureError('claims', `claim ${error.claim ?? '?'} is not acceptable: ${error.message}`);
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return new GatewaySignatureError('unknown-key', `the signing key is not one this department accepts (accepted kids: ${keys.kids.join(', ')})`);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new GatewaySignatureError('bad-signature', 'the signature does not verify with the accepted key of that kid');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new GatewaySignatureError('malformed', `only ${ALGORITHM} signatures are accepted`);
    default:
      return new GatewaySignatureError('malformed', `the signature is not a well-formed JWT (${error.message})`);
  }
}

/** The accepted keys from GATEWAY_PUBLIC_KEYS, or none when it is unset. */
export async function gatewayKeySetFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<GatewayKeySet | undefined> {
  return env.GATEWAY_PUBLIC_KEYS?.trim() ? importGatewayKeySet(env.GATEWAY_PUBLIC_KEYS) : undefined;
}
