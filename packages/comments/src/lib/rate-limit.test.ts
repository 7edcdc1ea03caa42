import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('the login rate limit', () => {
  it('allows five attempts a minute per address, then says how long to wait', () => {
    const limiter = new RateLimiter({ perKey: 5, global: 100, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) expect(limiter.hit('203.0.113.5', 1000 + i * 1000)).toEqual({ ok: true });
    expect(limiter.hit('203.0.113.5', 10_000)).toEqual({ ok: false, retryAfterSeconds: 51, scope: 'key' });
    // Another address is not held back.
    expect(limiter.hit('198.51.100.7', 10_000)).toEqual({ ok: true });
    // The window slides: the first attempt leaves it at 61 s.
    expect(limiter.hit('203.0.113.5', 61_000)).toEqual({ ok: true });
    expect(limiter.hit('203.0.113.5', 61_500).ok).toBe(false);
  });

  it('counts every address together against the global limit', () => {
    const limiter = new RateLimiter({ perKey: 5, global: 3, windowMs: 60_000 });
    expect(limiter.hit('a', 0).ok).toBe(true);
    expect(limiter.hit('b', 0).ok).toBe(true);
    expect(limiter.hit(undefined, 0).ok).toBe(true);
    expect(limiter.hit('c', 30_000)).toEqual({ ok: false, retryAfterSeconds: 30, scope: 'global' });
    expect(limiter.hit('c', 60_000).ok).toBe(true);
  });

  it('does not count refused attempts, and forgets an address after a login', () => {
    const limiter = new RateLimiter({ perKey: 2, global: 100, windowMs: 60_000 });
    limiter.hit('a', 0);
    limiter.hit('a', 0);
    for (let i = 0; i < 10; i++) expect(limiter.hit('a', 1000).ok).toBe(false);
    expect(limiter.hit('a', 60_000).ok).toBe(true);
    limiter.reset('a');
    expect(limiter.hit('a', 60_001).ok).toBe(true);
    expect(limiter.hit('a', 60_002).ok).toBe(true);
    expect(limiter.hit('a', 60_003).ok).toBe(false);
  });
});
