import { describe, expect, it } from 'vitest';
import { issueToken, verifyToken } from './token.ts';

const secret = 'test-secret-0123456789abcdef';
const policy = { minSeconds: 3, maxSeconds: 3600, staticMaxSeconds: 86_400 };
const t0 = Date.UTC(2016, 11, 1, 10);

describe('time tokens', () => {
  it('accepts a live token between the minimum and maximum age', async () => {
    const token = await issueToken(secret, 'مقال-١', t0);
    expect(await verifyToken(secret, token, 'مقال-١', t0 + 5000, policy)).toMatchObject({
      ok: true,
      kind: 'l',
    });
  });
  it('refuses too fast, too old, another post, another secret, tampering', async () => {
    const token = await issueToken(secret, 'a', t0);
    expect(await verifyToken(secret, token, 'a', t0 + 1000, policy)).toEqual({
      ok: false,
      reason: 'too-fast',
    });
    expect(await verifyToken(secret, token, 'a', t0 + 3_601_000, policy)).toEqual({
      ok: false,
      reason: 'too-old',
    });
    expect(await verifyToken(secret, token, 'b', t0 + 5000, policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifyToken(`${secret}x`, token, 'a', t0 + 5000, policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const forged = token.replace(/^l\.(\d+)/, (_, n: string) => `l.${Number(n) - 100}`);
    expect(await verifyToken(secret, forged, 'a', t0 + 5000, policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifyToken(secret, undefined, 'a', t0, policy)).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyToken(secret, 'l.1.x', 'a', t0, policy)).toEqual({ ok: false, reason: 'invalid' });
  });
  it('accepts a static (build-time) token at once, until it expires', async () => {
    const token = await issueToken(secret, 'a', t0, 's');
    expect(await verifyToken(secret, token, 'a', t0, policy)).toMatchObject({ ok: true, kind: 's' });
    expect(await verifyToken(secret, token, 'a', t0 + 86_401_000, policy)).toEqual({
      ok: false,
      reason: 'too-old',
    });
  });
});
