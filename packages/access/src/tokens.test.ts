import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import { signToken, verifyToken, viewerFromHeader, InvalidTokenError } from './tokens';

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
