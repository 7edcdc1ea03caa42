import { describe, expect, it } from 'vitest';
import { articlePath, encodePath, iri, pagePath, parseArticlePattern, sectionPath, tagPath } from './urls.ts';

const parts = { slug: 'روسيا-تطالب', section: 'politics', date: { year: '2016', month: '12', day: '01' } };

describe('parseArticlePattern', () => {
  it('turns tokens into Astro params', () => {
    expect(parseArticlePattern('/{section}/{slug}').route).toBe('/[section]/[slug]');
    expect(parseArticlePattern('/news/{year}/{month}/{slug}').route).toBe('/news/[year]/[month]/[slug]');
  });
  it('rejects patterns without {slug}, with unknown tokens, or that clash with section pages', () => {
    expect(() => parseArticlePattern('/{section}/{year}')).toThrow(/must contain \{slug\}/);
    expect(() => parseArticlePattern('/{section}/{title}')).toThrow(/"\{title\}" .* not a known token/);
    expect(() => parseArticlePattern('/{slug}')).toThrow(/clash with section pages/);
    expect(() => parseArticlePattern('news/{slug}')).toThrow(/must start with "\/"/);
    expect(() => parseArticlePattern('/a-{slug}/x')).toThrow(/mixes text and a token/);
  });
});

describe('article and page paths', () => {
  it('percent-encodes Arabic slugs once, with uppercase hex', () => {
    const path = articlePath('/', parseArticlePattern('/{section}/{slug}'), parts);
    expect(path).toBe(`/politics/${encodeURIComponent('روسيا-تطالب')}/`);
    expect(path).toMatch(/%D8%B1/);
    expect(decodeURIComponent(path)).toBe('/politics/روسيا-تطالب/');
  });
  it('writes composed and decomposed spellings of a slug as one URL', () => {
    expect(encodePath('/caf\u0065\u0301')).toBe(encodePath('/caf\u00e9'));
  });
  it('does not double-encode an encoded segment', () => {
    expect(encodePath(encodePath('/سياسة/خبر'))).toBe(encodePath('/سياسة/خبر'));
  });
  it('fills date tokens and honours the base', () => {
    const path = articlePath('/news/', parseArticlePattern('/{year}/{month}/{day}/{slug}'), {
      ...parts,
      slug: 'a',
    });
    expect(path).toBe('/news/2016/12/01/a/');
  });
  it('writes section and tag paths with a trailing slash', () => {
    expect(sectionPath('/', 'economy')).toBe('/economy/');
    expect(tagPath('/', 'طاقة')).toBe(`/tags/${encodeURIComponent('طاقة')}/`);
    expect(pagePath('/', '/')).toBe('/');
  });
});

const CANONICAL = 'https://khabar.example/politics/%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84/';

describe('iri', () => {
  it('decodes the UTF-8 of a percent-encoded URL, and nothing else', () => {
    expect(iri(CANONICAL)).toBe('https://khabar.example/politics/خبر-عاجل/');
    expect(iri('https://a.example/50%25-%D8%AE%2F?q=%3F')).toBe('https://a.example/50%25-خ%2F?q=%3F');
    expect(iri('https://a.example/%d8%ae/')).toBe('https://a.example/خ/');
    // Bytes that are not UTF-8 stay encoded.
    expect(iri('https://a.example/%FF/')).toBe('https://a.example/%FF/');
  });

  it('maps back to the same URL', () => {
    expect(new URL(iri(CANONICAL)).href).toBe(CANONICAL);
  });
});
