import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import { signToken, verifyToken, viewerFromHeader, InvalidTokenError } from './tokens';
import { VerifiedTokens } from './verified-tokens';

const claims = (jwt: SignJWT) => jwt.setSubject('staff-7').setIssuer('returnee-graph').setAudience('returnee-graph').setExpirationTime('5m');

describe('bearer tokens', () => {
  it('verifies an HS256 development token and reads role, subject and scopes', async () => {
    const token = await signToken('poverty', { subject: 'staff-7', scopes: ['households:read'] });
    await expect(verifyToken(token, {})).resolves.toEqual({ role: 'poverty', subject: 'staff-7', scopes: ['households:read'] });
  });

  it('verifies RS256 against a configured public key, and refuses HS256 then', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = { publicKeyPem: await exportSPKI(publicKey) };
    const token = await claims(new SignJWT({ dept: 'analyst' }).setProtectedHeader({ alg: 'RS256' })).sign(privateKey);
    await expect(verifyToken(token, config)).resolves.toMatchObject({ role: 'analyst', subject: 'staff-7' });
    await expect(verifyToken(await signToken('admin'), config)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token for another audience or without a known role', async () => {
    const secret = new TextEncoder().encode('s'.repeat(40));
    const otherAudience = await new SignJWT({ dept: 'admin' }).setProtectedHeader({ alg: 'HS256' })
      .setSubject('x').setIssuer('returnee-graph').setAudience('someone-else').setExpirationTime('5m').sign(secret);
    await expect(verifyToken(otherAudience, { secret: 's'.repeat(40) })).rejects.toThrow(InvalidTokenError);
    const noRole = await claims(new SignJWT({}).setProtectedHeader({ alg: 'HS256' })).sign(secret);
    await expect(verifyToken(noRole, { secret: 's'.repeat(40) })).rejects.toThrow('dept');
  });

  it('treats no header as the public and a malformed one as invalid', async () => {
    await expect(viewerFromHeader(undefined)).resolves.toMatchObject({ role: 'public' });
    await expect(viewerFromHeader('Basic abc')).rejects.toThrow(InvalidTokenError);
  });
});

describe('verified tokens, kept by their exact text', () => {
  const secret = 'k'.repeat(40);
  const token = (subject: string, exp: number) => new SignJWT({ dept: 'admin' }).setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject).setIssuer('returnee-graph').setAudience('returnee-graph').setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

  it('refuses a kept token once it has expired, as an unkept one is', async () => {
    const exp = Math.floor(Date.now() / 1000) + 1;
    const shortLived = await token('staff-1', exp);
    await expect(verifyToken(shortLived, { secret })).resolves.toMatchObject({ subject: 'staff-1' });
    await expect(verifyToken(shortLived, { secret })).resolves.toMatchObject({ subject: 'staff-1' }); // from the cache
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 20));
    await expect(verifyToken(shortLived, { secret })).rejects.toThrow(InvalidTokenError);
  });

  it('answers each token with its own subject, and refuses an altered copy of a kept one', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const [first, second] = [await token('staff-1', exp), await token('staff-2', exp)];
    await expect(verifyToken(first, { secret })).resolves.toMatchObject({ subject: 'staff-1' });
    await expect(verifyToken(second, { secret })).resolves.toMatchObject({ subject: 'staff-2' });
    await expect(verifyToken(first, { secret })).resolves.toMatchObject({ subject: 'staff-1' });
    const altered = `${first.slice(0, -2)}${first.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifyToken(altered, { secret })).rejects.toThrow(InvalidTokenError);
  });

  it('does not carry a token kept under one key over to another key', async () => {
    const kept = await token('staff-3', Math.floor(Date.now() / 1000) + 300);
    await expect(verifyToken(kept, { secret })).resolves.toMatchObject({ subject: 'staff-3' });
    await expect(verifyToken(kept, { secret: 'z'.repeat(40) })).rejects.toThrow(InvalidTokenError);
  });

  it('gives every caller its own viewer object', async () => {
    const kept = await token('staff-4', Math.floor(Date.now() / 1000) + 300);
    const first = await verifyToken(kept, { secret });
    first.scopes.push('mutated');
    first.subject = 'someone-else';
    await expect(verifyToken(kept, { secret })).resolves.toEqual({ role: 'admin', subject: 'staff-4', scopes: [] });
  });
});

describe('VerifiedTokens', () => {
  const viewer = { role: 'admin' as const, subject: 's', scopes: [] };

  it('keeps an entry until the earlier of its expiry and its maximum age', () => {
    const cache = new VerifiedTokens(10, 60_000);
    cache.keep('a', viewer, 1_000 + 30, 1_000_000); // exp 1,030 s: 30 s from now
    expect(cache.get('a', 1_029_999)).toEqual(viewer);
    expect(cache.get('a', 1_030_000)).toBeUndefined();
    cache.keep('b', viewer, 10_000, 1_000_000); // exp far off: the maximum age decides
    expect(cache.get('b', 1_059_999)).toEqual(viewer);
    expect(cache.get('b', 1_060_000)).toBeUndefined();
    cache.keep('c', viewer, 999, 1_000_000); // already expired: not kept
    expect(cache.size).toBe(0);
  });

  it('holds at most its size, dropping the least recently used', () => {
    const cache = new VerifiedTokens(2, 60_000);
    cache.keep('a', viewer, undefined, 0);
    cache.keep('b', viewer, undefined, 0);
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recently used
    cache.keep('c', viewer, undefined, 1);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toBeDefined();
    expect(cache.get('c', 2)).toBeDefined();
  });

  it('keeps nothing when its size or age is 0', () => {
    for (const cache of [new VerifiedTokens(0, 60_000), new VerifiedTokens(10, 0)]) {
      cache.keep('a', viewer, undefined, 0);
      expect(cache.get('a', 0)).toBeUndefined();
    }
  });
});
