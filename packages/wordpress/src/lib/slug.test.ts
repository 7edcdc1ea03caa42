import { describe, expect, it } from 'vitest';
import { decodeSlug, encodeLower, encodeUpper, normalizeSlug, pathForms } from './slug.ts';

describe('slugs', () => {
  it('decodes WordPress lower-case percent-encoding to Arabic text', () => {
    expect(decodeSlug('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9')).toBe('سياسة');
    expect(decodeSlug('%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9')).toBe('سياسة');
    expect(decodeSlug('politics')).toBe('politics');
  });

  it('keeps a broken escape rather than throwing', () => {
    expect(decodeSlug('%d8%b3%d9')).toBe('س%d9');
    expect(decodeSlug('100%-sure')).toBe('100%-sure');
  });

  it('normalises to the theme’s slug rules', () => {
    expect(normalizeSlug('%d8%a7%d9%84%d8%b4%d8%b1%d9%82-%d8%a7%d9%84%d8%a3%d9%88%d8%b3%d8%b7')).toBe(
      'الشرق-الأوسط',
    );
    expect(normalizeSlug('Breaking_News!')).toBe('breaking-news');
    expect(normalizeSlug('سـياسة')).toBe('سياسة');
    expect(normalizeSlug('--a--b--')).toBe('a-b');
  });

  it('writes both percent-encodings of a path', () => {
    expect(encodeUpper('/category/سياسة/')).toBe('/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/');
    expect(encodeLower('/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/')).toBe(
      '/category/%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9/',
    );
    expect(pathForms('/tag/g20/')).toEqual(['/tag/g20/']);
    expect(pathForms('/tag/قمة/')).toHaveLength(2);
  });
});
