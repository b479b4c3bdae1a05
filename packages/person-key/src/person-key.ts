import { createHmac } from 'node:crypto';
import { normaliseCitizenId } from './citizen-id';

/**
 * The pseudonymous person key the graph joins on. A keyed HMAC rather than a plain hash:
 * citizen IDs have so little entropy (region × date × sequence) that an unkeyed hash is
 * reversed by enumerating them.
 */
export const DEVELOPMENT_PERSON_KEY_SECRET = 'development-only-person-key-secret-change-me';

export function personKeySecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PERSON_KEY_SECRET ?? DEVELOPMENT_PERSON_KEY_SECRET;
  if (env.NODE_ENV === 'production' && secret === DEVELOPMENT_PERSON_KEY_SECRET) {
    throw new Error('PERSON_KEY_SECRET must be set in production');
  }
  return secret;
}

export function personKeyOf(citizenId: string, secret: string = personKeySecret()): string {
  const digest = createHmac('sha256', secret).update(normaliseCitizenId(citizenId)).digest('hex');
  return `pk_${digest.slice(0, 32)}`;
}

export function isPersonKey(value: string): boolean {
  return /^pk_[0-9a-f]{32}$/.test(value);
}

/**
 * The first 64 bits of a person key as a signed bigint string (PostgreSQL `bigint`):
 * cross-department matching of large sets sends these instead of whole keys.
 */
export function personKeyPrefix(personKey: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${personKey.slice(3, 19)}`));
}
