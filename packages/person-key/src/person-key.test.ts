import { personKeyOf, personKeyPrefix, isPersonKey, personKeySecret } from './person-key';

describe('personKey', () => {
  it('is stable for the same ID and secret, whatever the case of X', () => {
    const a = personKeyOf('11010519491231002X', 's1');
    expect(personKeyOf('11010519491231002x', 's1')).toBe(a);
    expect(personKeyOf(' 11010519491231002X ', 's1')).toBe(a);
    expect(a).toBe('pk_' + require('node:crypto').createHmac('sha256', 's1').update('11010519491231002X').digest('hex').slice(0, 32));
    expect(isPersonKey(a)).toBe(true);
  });

  it('is HMAC-SHA256 for secrets of any length, short or longer than a block', () => {
    const { createHmac } = require('node:crypto');
    for (const secret of ['k', 'x'.repeat(64), '密钥'.repeat(40)]) {
      for (const id of ['11010519491231002X', '320321199005171248']) {
        expect(personKeyOf(id, secret)).toBe('pk_' + createHmac('sha256', secret).update(id).digest('hex').slice(0, 32));
      }
    }
  });

  it('differs by secret, so it cannot be recomputed without the key', () => {
    expect(personKeyOf('11010519491231002X', 's1')).not.toBe(personKeyOf('11010519491231002X', 's2'));
  });

  it('differs between people', () => {
    expect(personKeyOf('11010519491231002X', 's1')).not.toBe(personKeyOf('440524188001010014', 's1'));
  });

  it('has a signed 64-bit prefix', () => {
    const prefix = personKeyPrefix('pk_ffffffffffffffff0000000000000000');
    expect(prefix).toBe(-1n);
    expect(personKeyPrefix('pk_00000000000000010000000000000000')).toBe(1n);
  });

  it('refuses the development secret in production', () => {
    expect(() => personKeySecret({ NODE_ENV: 'production' })).toThrow('PERSON_KEY_SECRET');
    expect(personKeySecret({ NODE_ENV: 'production', PERSON_KEY_SECRET: 'x'.repeat(32) })).toBe('x'.repeat(32));
  });
});
