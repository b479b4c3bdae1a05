import { hash, createPublicKey, randomBytes, verify, KeyObject } from 'node:crypto';
import {
  importJWK, importPKCS8, exportJWK, generateKeyPair, calculateJwkThumbprint,
  type JWK, type JSONWebKeySet, type CryptoKey,
} from 'jose';
import { ed25519Signer, type Ed25519Sign } from './ed25519-signer';

/**
 * The gateway's signature on every request it sends a department: a short-lived EdDSA
 * (Ed25519) JWT in its own header, beside the caller's Authorization header. Asymmetric, so
 * a department holds only public keys and cannot sign as the gateway towards another one.
 * Claims: iss = the gateway, aud = the department, iat/exp, and the SHA-256 of the exact
 * request body, so a captured signature cannot carry another query or other representations.
 *
 * Requests sent at the same moment may share one signature (signGatewayRequests): its claims
 * list, instead of one body hash, a salted digest per request (its nonce, department and body
 * hash), and each request's header adds `~<index>.<nonce>`. A department checks the digest at
 * that index against its own name and the body it received, so each request is still bound to
 * its department and its exact body; the other digests are salted with nonces only their own
 * departments see, and tell it nothing about what else was asked.
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
  /** Each accepted public key by its kid. */
  keys: ReadonlyMap<string, KeyObject>;
}

export class GatewayKeyConfigError extends Error {}

/** Why a signature was refused, in words an operator can act on. */
export class GatewaySignatureError extends Error {
  constructor(readonly reason: 'malformed' | 'expired' | 'audience' | 'unknown-key' | 'bad-signature' | 'body' | 'claims', message: string) {
    super(message);
  }
}

/** Node's one-shot hash: half the CPU of a Hash object for a body of a few kilobytes, once per fetch at both ends. */
export function bodyHash(body: string | Uint8Array): string {
  return hash('sha256', body, 'base64url');
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
  try {
    return { kids: published.map((k) => k.kid), keys: new Map(published.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })])) };
  } catch (error) {
    throw new GatewayKeyConfigError(`GATEWAY_PUBLIC_KEYS: a key is not a valid Ed25519 public key: ${(error as Error).message}`);
  }
}

/** The most requests one shared signature covers: its claims grow by a digest per request. */
export const MAX_SIGNED_TOGETHER = 32;
const ENTRY_SEPARATOR = '~';
const NONCE_BYTES = 16;
/**
 * Nonces are cut from 4 KiB of random bytes drawn at once: each call of randomBytes costs the
 * gateway about 20 µs under load whatever its size, more than the digests of a whole batch.
 */
const NONCE_POOL_BYTES = 4096;
let noncePool = Buffer.alloc(0);
let noncePoolAt = 0;

function nonce(): string {
  if (noncePoolAt + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    noncePoolAt = 0;
  }
  noncePoolAt += NONCE_BYTES;
  return noncePool.toString('base64url', noncePoolAt - NONCE_BYTES, noncePoolAt);
}

/** Per signing key, made once: its JWS header, always the same, and its signing function. */
const signers = new WeakMap<GatewaySigningKey, { header: string; sign: Ed25519Sign }>();
const base64url = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

function signerFor(signingKey: GatewaySigningKey): { header: string; sign: Ed25519Sign } {
  let signer = signers.get(signingKey);
  if (!signer) {
    signer = { header: base64url({ alg: ALGORITHM, kid: signingKey.kid, typ: 'gateway-request+jwt' }), sign: ed25519Signer(KeyObject.from(signingKey.key)) };
    signers.set(signingKey, signer);
  }
  return signer;
}

/**
 * Signs one request body for one department: a compact JWS, as jose's SignJWT would make it,
 * signed synchronously (ed25519-signer.ts). The gateway signs every fetch it sends, and
 * WebCrypto's asynchronous path costs it several times more CPU per signature.
 */
export async function signGatewayRequest(signingKey: GatewaySigningKey, department: string, body: string | Uint8Array,
  options: { issuedAt?: number; lifetimeSeconds?: number } = {}): Promise<string> {
  return signedJwt(signingKey, { body_sha256: bodyHash(body), aud: department }, options);
}

/** One request of several signed together: the department it goes to and its exact body. */
export interface RequestToSign {
  department: string;
  body: string | Uint8Array;
}

/**
 * Signs several requests with one Ed25519 signature (at most MAX_SIGNED_TOGETHER): the header
 * for each, in order. One request gets the single form, as signGatewayRequest makes it.
 */
export async function signGatewayRequests(signingKey: GatewaySigningKey, requests: readonly RequestToSign[],
  options: { issuedAt?: number; lifetimeSeconds?: number } = {}): Promise<string[]> {
  if (requests.length === 1) return [await signGatewayRequest(signingKey, requests[0].department, requests[0].body, options)];
  if (requests.length > MAX_SIGNED_TOGETHER) throw new RangeError(`at most ${MAX_SIGNED_TOGETHER} requests share one signature, not ${requests.length}`);
  const nonces = requests.map(nonce);
  const digests = requests.map(({ department, body }, i) => requestDigest(nonces[i], department, body));
  const jwt = signedJwt(signingKey, { aud: [...new Set(requests.map((r) => r.department))], requests: digests }, options);
  return nonces.map((salt, i) => `${jwt}${ENTRY_SEPARATOR}${i}.${salt}`);
}

/** One request's entry in a shared signature: what only the nonce's holder can recompute. */
function requestDigest(nonce: string, department: string, body: string | Uint8Array): string {
  return hash('sha256', `${nonce}\n${department}\n${bodyHash(body)}`, 'base64url');
}

function signedJwt(signingKey: GatewaySigningKey, bound: Record<string, unknown>, options: { issuedAt?: number; lifetimeSeconds?: number }): string {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const { header, sign } = signerFor(signingKey);
  const claims = base64url({
    ...bound, iss: GATEWAY_ISSUER,
    iat: issuedAt, exp: issuedAt + (options.lifetimeSeconds ?? SIGNATURE_LIFETIME_SECONDS),
  });
  const signingInput = `${header}.${claims}`;
  return `${signingInput}.${sign(Buffer.from(signingInput)).toString('base64url')}`;
}

/** Checks a signature header against this department and the body it came with; throws why not. */
export async function verifyGatewaySignature(header: string, department: string, body: string | Uint8Array, keys: GatewayKeySet): Promise<void> {
  const [token, entry, ...rest] = header.trim().split(ENTRY_SEPARATOR);
  if (rest.length) throw malformed(`more than one "${ENTRY_SEPARATOR}"`);
  const claims = verifiedClaims(token, department, keys);
  const lifetime = Number(claims.exp) - Number(claims.iat);
  if (lifetime > MAX_SIGNATURE_SECONDS) {
    throw new GatewaySignatureError('claims', `the signature claims a life of ${lifetime} s; at most ${MAX_SIGNATURE_SECONDS} s are accepted`);
  }
  if (entry === undefined) {
    if (claims.body_sha256 !== bodyHash(body)) {
      throw new GatewaySignatureError('body', 'the signature was made for another request body (body_sha256 does not match)');
    }
    return;
  }
  const match = /^(\d{1,2})\.([\w-]{22})$/.exec(entry);
  if (!match) throw malformed(`its request entry is not "<index>.<nonce>"`);
  const requests = claims.requests;
  const index = Number(match[1]);
  if (claims.body_sha256 !== undefined || !Array.isArray(requests) || requests.length > MAX_SIGNED_TOGETHER || index >= requests.length) {
    throw new GatewaySignatureError('body', 'the signature lists no request at that entry');
  }
  if (requests[index] !== requestDigest(match[2], department, body)) {
    throw new GatewaySignatureError('body', 'the signature was made for another request body (its entry does not match)');
  }
}

const BASE64URL = /^[\w-]*$/;
const CLOCK_TOLERANCE_SECONDS = 5;
const malformed = (why: string) => new GatewaySignatureError('malformed', `the signature is not a well-formed JWT (${why})`);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function decodePart(part: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw malformed(`its ${name} is not base64url JSON`);
  }
  if (!isObject(value)) throw malformed(`its ${name} is not a JSON object`);
  return value;
}

/**
 * The compact JWS checked as jose's jwtVerify did it with the same options (alg EdDSA only,
 * the kid's key from the set, iss, aud, iat and exp required, 5 s of clock tolerance, at most
 * 300 s old), but with Node's own synchronous Ed25519 verification: through WebCrypto's
 * asynchronous jobs each department spent several times more CPU per signed request.
 */
function verifiedClaims(token: string, department: string, keys: GatewayKeySet): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => part.length && BASE64URL.test(part))) throw malformed('not three base64url parts');
  const header = decodePart(parts[0], 'header');
  if (header.alg !== ALGORITHM) throw new GatewaySignatureError('malformed', `only ${ALGORITHM} signatures are accepted`);
  if (header.crit !== undefined || header.b64 !== undefined) throw malformed('it asks for header extensions (crit, b64) this department does not support');
  const candidates = typeof header.kid === 'string'
    ? [keys.keys.get(header.kid)].filter((key): key is KeyObject => key !== undefined)
    : header.kid === undefined ? [...keys.keys.values()] : [];
  if (!candidates.length) {
    throw new GatewaySignatureError('unknown-key', `the signing key is not one this department accepts (accepted kids: ${keys.kids.join(', ')})`);
  }
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  if (!candidates.some((key) => verify(null, signingInput, key, signature))) {
    throw new GatewaySignatureError('bad-signature', 'the signature does not verify with the accepted key of that kid');
  }
  const claims = decodePart(parts[1], 'claims set');
  for (const claim of ['iss', 'aud', 'iat', 'exp']) {
    if (!Object.hasOwn(claims, claim)) throw new GatewaySignatureError('claims', `claim ${claim} is not acceptable: it is missing`);
  }
  if (claims.iss !== GATEWAY_ISSUER) throw new GatewaySignatureError('claims', `claim iss is not acceptable: it must be "${GATEWAY_ISSUER}"`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(department)) throw new GatewaySignatureError('audience', `the signature is not for this department (audience must be "${department}")`);
  for (const claim of ['iat', 'exp', 'nbf']) {
    if (claims[claim] !== undefined && !(typeof claims[claim] === 'number' && Number.isFinite(claims[claim]))) {
      throw new GatewaySignatureError('claims', `claim ${claim} is not acceptable: it must be a number`);
    }
  }
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp, nbf } = claims as { iat: number; exp: number; nbf?: number };
  if (nbf !== undefined && nbf > now + CLOCK_TOLERANCE_SECONDS) throw new GatewaySignatureError('claims', 'claim nbf is not acceptable: the signature is not valid yet');
  if (exp <= now - CLOCK_TOLERANCE_SECONDS) throw new GatewaySignatureError('expired', 'the signature has expired');
  const age = now - iat;
  if (age - CLOCK_TOLERANCE_SECONDS > MAX_SIGNATURE_SECONDS || age < -CLOCK_TOLERANCE_SECONDS) {
    throw new GatewaySignatureError('expired', `the signature is older than ${MAX_SIGNATURE_AGE} or issued in the future`);
  }
  return claims;
}

/** The accepted keys from GATEWAY_PUBLIC_KEYS, or none when it is unset. */
export async function gatewayKeySetFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<GatewayKeySet | undefined> {
  return env.GATEWAY_PUBLIC_KEYS?.trim() ? importGatewayKeySet(env.GATEWAY_PUBLIC_KEYS) : undefined;
}
