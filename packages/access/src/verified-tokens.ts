import type { Viewer } from './roles';

/**
 * Bearer tokens already verified, by their exact text: a dashboard sends the same token with
 * every request, and the gateway and each department verified it again every time (an HMAC or
 * RSA check through WebCrypto, plus the claims). Only tokens that passed are kept, each until
 * the earlier of its own expiry (`exp`) and `maxAgeMs` after it was checked, so a token that
 * expires is refused at the same moment as without the cache, and a key taken out of a JWKS
 * stops being honoured within `maxAgeMs`. At most `maxEntries`, the least recently used
 * dropped first. The key holds the verification settings too: other settings, other entries.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { viewer: Viewer; until: number }>();

  constructor(private readonly maxEntries: number, private readonly maxAgeMs: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): Viewer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) return undefined;
    this.entries.set(key, entry); // most recently used last
    return copy(entry.viewer);
  }

  /** Keeps a token that passed verification; `expiresAt` is its `exp` claim in seconds, if any. */
  keep(key: string, viewer: Viewer, expiresAt: number | undefined, now = Date.now()): void {
    if (this.maxEntries <= 0 || this.maxAgeMs <= 0) return;
    const until = Math.min(now + this.maxAgeMs, expiresAt === undefined ? Infinity : expiresAt * 1000);
    if (until <= now) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { viewer: copy(viewer), until });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Each request gets its own viewer: no request can change what another one sees. */
const copy = (viewer: Viewer): Viewer => ({ ...viewer, scopes: [...viewer.scopes] });
