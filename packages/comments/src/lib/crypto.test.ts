import { describe, expect, it } from 'vitest';
import { hmac, sha256Hex, toHex } from './crypto.ts';

describe('hashing', () => {
  it('computes HMAC-SHA-256 as RFC 4231 gives it, with a non-ASCII key and message in UTF-8', async () => {
    expect(toHex(await hmac('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const key = 'سر';
    const signature = await crypto.subtle.sign(
      'HMAC',
      await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(key),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      ),
      new TextEncoder().encode('تعليق'),
    );
    expect(await hmac(key, 'تعليق')).toEqual(new Uint8Array(signature));
  });

  it('computes SHA-256 in hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
