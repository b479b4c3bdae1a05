import { SignJWT, jwtVerify, createRemoteJWKSet, importSPKI, type JWTPayload } from 'jose';
import { isRole, type Role, type Viewer } from './roles';
import { VerifiedTokens } from './verified-tokens';
import { wholeNumber } from '@rg/settings';

/**
 * Bearer tokens: HS256 with a shared secret (development and small deployments) or RS256
 * against a JWKS / public key from configuration. The gateway forwards the caller's token and
 * every subgraph verifies it itself, so a subgraph never trusts a header it cannot check.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';
const ISSUER = process.env.JWT_ISSUER ?? 'returnee-graph';
const AUDIENCE = process.env.JWT_AUDIENCE ?? 'returnee-graph';

type Verifier = Uint8Array | CryptoKey | ReturnType<typeof createRemoteJWKSet>;

export interface TokenConfig {
  secret?: string;
  jwksUrl?: string;
  publicKeyPem?: string;
}

export function tokenConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TokenConfig {
  return { secret: env.JWT_SECRET, jwksUrl: env.JWT_JWKS_URL, publicKeyPem: env.JWT_PUBLIC_KEY };
}

export function usesDevelopmentSecret(config: TokenConfig): boolean {
  return !config.jwksUrl && !config.publicKeyPem && (!config.secret || config.secret === DEVELOPMENT_JWT_SECRET);
}

let cachedKey: { config: string; key: Verifier } | undefined;
async function verificationKey(config: TokenConfig): Promise<Verifier> {
  const id = JSON.stringify(config);
  if (cachedKey?.config === id) return cachedKey.key;
  let key: Verifier;
  if (config.jwksUrl) key = createRemoteJWKSet(new URL(config.jwksUrl));
  else if (config.publicKeyPem) key = await importSPKI(config.publicKeyPem, 'RS256');
  else key = new TextEncoder().encode(config.secret ?? DEVELOPMENT_JWT_SECRET);
  cachedKey = { config: id, key };
  return key;
}

export class InvalidTokenError extends Error {}

/**
 * Tokens that passed, by their exact text and the verification settings
 * (TOKEN_CACHE_SIZE, 1000; TOKEN_CACHE_MS, 60000; either 0 turns it off): see VerifiedTokens.
 */
export const verifiedTokens = new VerifiedTokens(
  wholeNumber(process.env, 'TOKEN_CACHE_SIZE', 1000, 0),
  wholeNumber(process.env, 'TOKEN_CACHE_MS', 60_000, 0),
);

export async function verifyToken(token: string, config: TokenConfig = tokenConfigFromEnv()): Promise<Viewer> {
  const cacheKey = `${config.secret ?? ''}\n${config.jwksUrl ?? ''}\n${config.publicKeyPem ?? ''}\n${token}`;
  const known = verifiedTokens.get(cacheKey);
  if (known) return known;
  const viewer = await verifyTokenOnce(token, config);
  verifiedTokens.keep(cacheKey, viewer.viewer, viewer.expiresAt);
  return viewer.viewer;
}

async function verifyTokenOnce(token: string, config: TokenConfig): Promise<{ viewer: Viewer; expiresAt?: number }> {
  let payload: JWTPayload;
  try {
    const key = await verificationKey(config);
    const algorithms = config.jwksUrl || config.publicKeyPem ? ['RS256'] : ['HS256'];
    const options = { issuer: ISSUER, audience: AUDIENCE, algorithms };
    ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  if (!isRole(payload.dept)) throw new InvalidTokenError('claim dept is not a known role');
  if (!payload.sub) throw new InvalidTokenError('claim sub is missing');
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  return { viewer: { role: payload.dept, subject: payload.sub, scopes }, expiresAt: typeof payload.exp === 'number' ? payload.exp : undefined };
}

/** Resolves the viewer of a request from its Authorization header; no header is the public. */
export async function viewerFromHeader(header: string | undefined, config?: TokenConfig): Promise<Viewer> {
  if (!header) return { role: 'public', subject: 'anonymous', scopes: [] };
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) throw new InvalidTokenError('Authorization must be "Bearer <token>"');
  return verifyToken(match[1], config);
}

export async function signToken(
  role: Exclude<Role, 'public'>,
  options: { subject?: string; secret?: string; expiresIn?: string; scopes?: string[] } = {},
): Promise<string> {
  return new SignJWT({ dept: role, ...(options.scopes?.length ? { scope: options.scopes.join(' ') } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject ?? `${role}-dev-user`)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret ?? process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET));
}
