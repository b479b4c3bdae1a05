import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { ed25519Signer } from './ed25519-signer';

describe('ed25519Signer', () => {
  const messages = [Buffer.alloc(0), Buffer.from('eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJociJ9'), randomBytes(4096)];

  it('loads libsodium on this platform, the binding the gateway signs with', () => {
    const sodium = require('sodium-native') as { crypto_sign_detached: unknown };
    expect(typeof sodium.crypto_sign_detached).toBe('function');
  });

  it("signs exactly as node:crypto does, so departments verify it with node:crypto's Ed25519", () => {
    for (let i = 0; i < 5; i++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const signWith = ed25519Signer(privateKey);
      for (const message of messages) {
        const signature = signWith(message);
        expect(signature.toString('base64url')).toBe(sign(null, message, privateKey).toString('base64url'));
        expect(verify(null, message, publicKey, signature)).toBe(true);
        expect(verify(null, Buffer.concat([message, Buffer.from('x')]), publicKey, signature)).toBe(false);
      }
    }
  });

  it("falls back to node:crypto's signing, with the same bytes, where the binding does not load", () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const fallback = ed25519Signer(privateKey, () => {
      throw new Error('no prebuilt binding for this platform');
    });
    for (const message of messages) expect(fallback(message).equals(ed25519Signer(privateKey)(message))).toBe(true);
  });

  it('refuses a public key', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    expect(() => ed25519Signer(publicKey)).toThrow(/private key/);
  });
});
