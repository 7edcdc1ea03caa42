import { describe, it, expect } from 'vitest';
import { DEFAULT_SLUG_LENGTH, arabicSlug, decodePathSegment, encodePathSegment } from './slug.ts';

describe('arabicSlug', () => {
  it('slugs the seed headline, collapsing " .. " into one dash', () => {
    expect(arabicSlug('روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي')).toBe(
      'روسيا-تطالب-الغرب-بإحترام-السيادة-السورية-وتعاون-أمريكي',
    );
    // WordPress kept two spaces before the ".." in the headline: same slug.
    expect(arabicSlug('روسيا تطالب الغرب بإحترام السيادة السورية  .. وتعاون أمريكي')).toBe(
      'روسيا-تطالب-الغرب-بإحترام-السيادة-السورية-وتعاون-أمريكي',
    );
  });

  it('drops tashkeel, superscript alef and Quranic marks', () => {
    expect(arabicSlug('مُحَمَّدٌ')).toBe('محمد');
    expect(arabicSlug('الرَّحْمَٰن')).toBe('الرحمن');
    expect(arabicSlug('الصَّلَوٰةَ ۖ وَ')).toBe('الصلوة-و');
  });

  it('drops tatweel', () => {
    expect(arabicSlug('الـــعـــربية')).toBe('العربية');
  });

  it('lowercases Latin letters and converts Arabic-Indic and Persian digits', () => {
    expect(arabicSlug('G20 قمة ٢٠١٦')).toBe('g20-قمة-2016');
    expect(arabicSlug('سال ۱۳۹۵ CNN')).toBe('سال-1395-cnn');
  });

  it('keeps Persian and Urdu letters', () => {
    expect(arabicSlug('پ چ ژ گ ک ی')).toBe('پ-چ-ژ-گ-ک-ی');
  });

  it('removes bidi and zero-width controls without splitting the word', () => {
    expect(arabicSlug('سور\u202Eيا')).toBe('سوريا');
    expect(arabicSlug('\u202Bسوريا\u202C \u2067الجديدة\u2069\u200F')).toBe('سوريا-الجديدة');
    expect(arabicSlug('\uFEFFعربي\u200B\u200D\u200E\u061C')).toBe('عربي');
  });

  it('treats ZWNJ as a word separator', () => {
    expect(arabicSlug('می\u200Cخواهم')).toBe('می-خواهم');
  });

  it('normalises to NFC, so precomposed and decomposed hamza agree', () => {
    expect(arabicSlug('\u0627\u0655\u0633\u0644\u0627\u0645')).toBe(
      arabicSlug('\u0625\u0633\u0644\u0627\u0645'),
    );
    expect(arabicSlug('\u0627\u0655\u0633\u0644\u0627\u0645')).toBe('إسلام');
  });

  it('turns punctuation runs into single dashes and trims them', () => {
    expect(arabicSlug(' «لافروف»: سوريا، روسيا؛ أمريكا؟! ')).toBe('لافروف-سوريا-روسيا-أمريكا');
    expect(arabicSlug('a -- b __ c')).toBe('a-b-c');
  });

  it('returns an empty string when nothing is left', () => {
    expect(arabicSlug(' .. ، ؟ ')).toBe('');
    expect(arabicSlug('\u064E\u0640')).toBe('');
  });

  it('limits the length to 80 characters without cutting a word', () => {
    const title =
      'وأكد الوزير الروسي على ضرورة تشكيل جبهة عريضة معادية للإرهاب على أساس المعايير القانونية الدولية المعتمدة';
    const slug = arabicSlug(title);
    expect(DEFAULT_SLUG_LENGTH).toBe(80);
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(slug).toBe('وأكد-الوزير-الروسي-على-ضرورة-تشكيل-جبهة-عريضة-معادية-للإرهاب-على-أساس-المعايير');
    expect(arabicSlug(title).startsWith(slug)).toBe(true);
    expect(arabicSlug(title, { maxLength: 10 })).toBe('وأكد');
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(arabicSlug('abcd efgh ijkl', { maxLength: 9 })).toBe('abcd-efgh');
    expect(arabicSlug('abcd efgh ijkl', { maxLength: 8 })).toBe('abcd');
  });

  it('cuts a single over-long word when it must', () => {
    expect(arabicSlug('ب'.repeat(100))).toBe('ب'.repeat(80));
    expect(arabicSlug('abcdefghij', { maxLength: 4 })).toBe('abcd');
  });

  it('rejects an impossible length', () => {
    expect(() => arabicSlug('نص', { maxLength: 0 })).toThrow(RangeError);
  });
});

describe('encodePathSegment / decodePathSegment', () => {
  it('percent-encodes with uppercase hex', () => {
    expect(encodePathSegment('قمة-g20')).toBe('%D9%82%D9%85%D8%A9-g20');
  });

  it('gives one form for NFC and NFD input', () => {
    expect(encodePathSegment('\u0627\u0655')).toBe(encodePathSegment('\u0625'));
    expect(encodePathSegment('\u0625')).toBe('%D8%A5');
  });

  it('decodes either hex case and round-trips', () => {
    const slug = arabicSlug('روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي');
    expect(decodePathSegment(encodePathSegment(slug))).toBe(slug);
    expect(decodePathSegment('%d9%82%d9%85%d8%a9')).toBe('قمة');
  });

  it('names a malformed segment', () => {
    expect(() => decodePathSegment('%D9%')).toThrow(URIError);
    expect(() => decodePathSegment('%D9%')).toThrow(
      /"%D9%" is not a valid percent-encoded UTF-8 path segment/,
    );
  });
});
