import { describe, expect, it } from 'vitest';
import { cacheControl, cacheTag, cacheTagHeaders, secondsUntilNextChange, storyTags } from './cache.ts';

describe('cacheControl', () => {
  it('gives the CDN its lifetime and grace, and the browser a short one', () => {
    expect(cacheControl({ sMaxAge: 86_400, staleWhileRevalidate: 604_800 }, 60)).toBe(
      'public, max-age=60, s-maxage=86400, stale-while-revalidate=604800',
    );
  });

  it('never lets a browser keep a page longer than the CDN does', () => {
    expect(cacheControl({ sMaxAge: 30, staleWhileRevalidate: 600 }, 60)).toMatch(
      /^public, max-age=30, s-maxage=30/,
    );
  });

  it('stops at a known change, with no stale grace past it', () => {
    expect(cacheControl({ sMaxAge: 600, staleWhileRevalidate: 86_400 }, 60, 42.7)).toBe(
      'public, max-age=42, s-maxage=42, stale-while-revalidate=0',
    );
    // A change further off than the lifetime changes nothing.
    expect(cacheControl({ sMaxAge: 600, staleWhileRevalidate: 86_400 }, 60, 3_600)).toBe(
      'public, max-age=60, s-maxage=600, stale-while-revalidate=86400',
    );
  });
});

describe('cache tags', () => {
  const story = {
    id: 'politics/روسيا',
    data: { section: 'politics', tags: ['نفط', 'أوبك بلس'], authors: [{ id: 'news-desk' }] },
  };

  it('percent-encodes values, so Arabic, slashes and spaces stay within what CDNs accept', () => {
    expect(cacheTag('tag', 'أوبك بلس')).toBe('tag:%D8%A3%D9%88%D8%A8%D9%83%20%D8%A8%D9%84%D8%B3');
    for (const tag of storyTags(story)) expect(tag).toMatch(/^[a-z]+:[\x21-\x2b\x2d-\x7e]+$/);
  });

  it('names the story, its section, each tag and each author', () => {
    expect(storyTags(story).map(decodeURIComponent)).toEqual([
      'story:politics/روسيا',
      'section:politics',
      'tag:نفط',
      'tag:أوبك بلس',
      'author:news-desk',
    ]);
  });

  it('writes Cache-Tag with commas and Surrogate-Key with spaces, each tag once', () => {
    expect(cacheTagHeaders(['story:a', 'section:b', 'story:a'])).toEqual({
      'Cache-Tag': 'story:a,section:b',
      'Surrogate-Key': 'story:a section:b',
    });
    expect(cacheTagHeaders([])).toEqual({});
  });
});

describe('secondsUntilNextChange', () => {
  const now = new Date('2016-12-01T18:00:00Z');
  const at = (iso: string, breaking = false) => ({ data: { published: new Date(iso), breaking } });

  it('is the time until the next scheduled story is due', () => {
    const stories = [at('2016-12-02T06:00:00Z'), at('2016-12-01T20:00:00Z'), at('2016-11-30T10:00:00Z')];
    expect(secondsUntilNextChange(stories, now, 6)).toBe(2 * 3600);
  });

  it('is the time until a breaking story leaves the strip, when that comes first', () => {
    const stories = [
      at('2016-12-02T06:00:00Z'),
      at('2016-12-01T13:00:00Z', true),
      at('2016-11-30T10:00:00Z', true),
    ];
    expect(secondsUntilNextChange(stories, now, 6)).toBe(3600);
  });

  it('is undefined when nothing is due', () => {
    expect(secondsUntilNextChange([at('2016-11-01T00:00:00Z', true)], now, 6)).toBeUndefined();
  });
});
