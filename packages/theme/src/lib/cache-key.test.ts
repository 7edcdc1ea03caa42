import { describe, expect, it } from 'vitest';
import { cacheKey, cardVersion, entryVersion, tokenPeriod } from './cache-key.ts';

describe('cacheKey', () => {
  it('is the same for the same parts and differs when any part does', () => {
    const key = cacheKey('article', ['a@1', 'b@2'], 2026);
    expect(cacheKey('article', ['a@1', 'b@2'], 2026)).toBe(key);
    expect(cacheKey('article', ['a@1', 'b@3'], 2026)).not.toBe(key);
    expect(cacheKey('article', ['b@2', 'a@1'], 2026)).not.toBe(key);
    expect(cacheKey('article', ['a@1', 'b@2'], 2027)).not.toBe(key);
    expect(cacheKey('listing', ['a@1', 'b@2'], 2026)).not.toBe(key);
    expect(key).toMatch(/^article:[\w-]{43}$/);
  });
});

describe('entryVersion', () => {
  it("names an entry by its id and Astro's digest, or by its data when it has none", () => {
    expect(entryVersion({ id: 'x', digest: 'd1', data: {} })).toBe('x@d1');
    const a = entryVersion({ id: 'x', data: { title: 'أ' } });
    expect(entryVersion({ id: 'x', data: { title: 'أ' } })).toBe(a);
    expect(entryVersion({ id: 'x', data: { title: 'ب' } })).not.toBe(a);
  });
});

describe('cardVersion', () => {
  it('follows what a card shows (the data), not the body', () => {
    const story = { id: 'x', digest: 'd1', data: { title: 'أ' } };
    const typoFixed = { id: 'x', digest: 'd2', data: { title: 'أ' } };
    const retitled = { id: 'x', digest: 'd3', data: { title: 'ب' } };
    expect(cardVersion(typoFixed)).toBe(cardVersion(story));
    expect(cardVersion(retitled)).not.toBe(cardVersion(story));
  });
});

describe('tokenPeriod', () => {
  const day = 86_400_000;
  it('changes every half of the days a token is good for, at a moment that depends on the page', () => {
    const start = Date.UTC(2026, 11, 1);
    const periods = new Set<number>();
    for (let t = start; t < start + 30 * day; t += day) periods.add(tokenPeriod('politics/x', t, 30));
    expect(periods.size).toBeGreaterThanOrEqual(2);
    expect(periods.size).toBeLessThanOrEqual(3);
    // Pages do not all turn over on the same day.
    const turns = (id: string) => {
      for (let t = start; ; t += day) if (tokenPeriod(id, t, 30) !== tokenPeriod(id, start, 30)) return t;
    };
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f'].map(turns)).size).toBeGreaterThan(1);
  });

  it('is 0 when forms carry no token', () => {
    expect(tokenPeriod('x', Date.now(), 0)).toBe(0);
  });
});
