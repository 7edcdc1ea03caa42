import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, randomToken, tokensMatch } from './csrf.ts';

const own = new Set(['https://comments.news.example']);
const headers = (init: Record<string, string>) => new Headers(init);

describe('form tokens', () => {
  it('are 32 random bytes, base64url', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
  it('match only the same token', () => {
    const token = randomToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokensMatch(token, token.slice(1))).toBe(false);
    expect(tokensMatch(token, null)).toBe(false);
    expect(tokensMatch(undefined, token)).toBe(false);
    expect(tokensMatch('', '')).toBe(false);
  });
});

describe('same-origin posts', () => {
  it('believe Sec-Fetch-Site first: only same-origin passes', () => {
    expect(isSameOriginRequest(headers({ 'sec-fetch-site': 'same-origin' }), own)).toBe(true);
    for (const site of ['cross-site', 'same-site', 'none'])
      expect(
        isSameOriginRequest(
          headers({ 'sec-fetch-site': site, origin: 'https://comments.news.example' }),
          own,
        ),
      ).toBe(false);
  });
  it('fall back on Origin, which must be the receiver’s own', () => {
    expect(isSameOriginRequest(headers({ origin: 'https://comments.news.example' }), own)).toBe(true);
    expect(isSameOriginRequest(headers({ origin: 'https://evil.example' }), own)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'null' }), own)).toBe(false);
  });
  it('leave a client that sends neither (no browser) to the form token', () => {
    expect(isSameOriginRequest(headers({}), own)).toBe(true);
  });
});
