import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DEFAULT_WORDS_PER_MINUTE, countWords, formatReadingTime, readingMinutes } from './reading-time.ts';

const HEADLINE = 'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي';

describe('countWords', () => {
  it('counts Arabic words and ignores punctuation', () => {
    expect(countWords(HEADLINE)).toBe(8);
    expect(countWords('وأضاف لافروف، في حديث صحفي؛ هل تعلم؟ نعم!')).toBe(8);
    expect(countWords('“نأمل في توحيد جهودنا” – «نعم»')).toBe(5);
  });

  it('counts nothing in empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \u00A0 .. ، ؛ ؟ – ')).toBe(0);
  });

  it('ignores diacritics and tatweel inside words', () => {
    expect(countWords('مُحَمَّدٌ الـــعـــربية')).toBe(2);
    expect(countWords('ـــ')).toBe(0);
  });

  it('counts numbers (with separators) and Latin words', () => {
    // قمة · G20 · عام · ٢٠١٦ · بحضور · 12,345 · شخصًا · و٣٫٥ · مليون
    expect(countWords('قمة G20 عام ٢٠١٦ بحضور 12,345 شخصًا و٣٫٥ مليون')).toBe(9);
    expect(countWords('1.5 و 1 . 5')).toBe(4);
  });

  it('keeps a Persian word with a zero-width non-joiner whole', () => {
    expect(countWords('می\u200Cخواهم بروم')).toBe(2);
  });

  it('strips HTML and Markdown markup but keeps the readable text', () => {
    expect(countWords('<p class="lead">أكد <strong>وزير</strong> الخارجية&nbsp;الروسي</p>')).toBe(4);
    expect(countWords('## عنوان\n\n**قال** [بوتين](https://example.com/a-b-c)، اليوم؟')).toBe(4);
    expect(countWords('![وزير الخارجية الروسي](/img/lavrov-1.jpg)')).toBe(3);
    expect(countWords('انظر https://example.com/some/long-path?x=1 هنا')).toBe(2);
    expect(countWords('<!-- تعليق خفي --><script>var a = 1;</script>نص')).toBe(1);
  });

  it('counts the seed article body', () => {
    const seed = readFileSync('/work/shared/seed/000_5224803d0337f076.txt', 'utf8');
    // 418 whitespace-separated tokens, minus 5 that are only punctuation (".." twice, "–" twice, "،"),
    // plus one for each of the two "سبتمبر/أيلول", which are two words each.
    expect(seed.split(/\s+/u).filter(Boolean)).toHaveLength(418);
    expect(countWords(seed)).toBe(415);
  });
});

describe('readingMinutes', () => {
  it('rounds up and is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(HEADLINE)).toBe(1);
    expect(readingMinutes('كلمة '.repeat(200))).toBe(1);
    expect(readingMinutes('كلمة '.repeat(201))).toBe(2);
    expect(readingMinutes('كلمة '.repeat(450))).toBe(3);
  });

  it('takes the reading speed as an argument (default 200)', () => {
    expect(DEFAULT_WORDS_PER_MINUTE).toBe(200);
    expect(readingMinutes('كلمة '.repeat(540), 180)).toBe(3);
    expect(readingMinutes('كلمة '.repeat(541), 180)).toBe(4);
  });

  it('rejects an impossible reading speed', () => {
    expect(() => readingMinutes('نص', 0)).toThrow(RangeError);
    expect(() => readingMinutes('نص', -5)).toThrow(RangeError);
    expect(() => readingMinutes('نص', Number.NaN)).toThrow(/wordsPerMinute must be a positive number/);
  });
});

describe('formatReadingTime', () => {
  const egypt = { locale: 'ar-EG', digits: 'arab' } as const;

  it('shows the six Arabic plural forms', () => {
    expect(formatReadingTime(0, egypt)).toBe('٠ دقيقة'); // zero
    expect(formatReadingTime(1, egypt)).toBe('دقيقة'); // one
    expect(formatReadingTime(2, egypt)).toBe('دقيقتان'); // two
    expect(formatReadingTime(3, egypt)).toBe('٣ دقائق'); // few (3–10)
    expect(formatReadingTime(10, egypt)).toBe('١٠ دقائق');
    expect(formatReadingTime(11, egypt)).toBe('١١ دقيقة'); // many (11–99)
    expect(formatReadingTime(99, egypt)).toBe('٩٩ دقيقة');
    expect(formatReadingTime(100, egypt)).toBe('١٠٠ دقيقة'); // other (100–102)
    expect(formatReadingTime(103, egypt)).toBe('١٠٣ دقائق'); // few again
  });

  it('pins the digits', () => {
    expect(formatReadingTime(3, { locale: 'ar-EG', digits: 'latn' })).toBe('3 دقائق');
    expect(formatReadingTime(11, { locale: 'ar', digits: 'arab' })).toBe('١١ دقيقة');
    expect(formatReadingTime(1000, egypt)).toBe('١٬٠٠٠ دقيقة');
  });

  it('composes with readingMinutes', () => {
    expect(formatReadingTime(readingMinutes('كلمة '.repeat(450)), egypt)).toBe('٣ دقائق');
  });

  it('rejects negative and non-finite minutes', () => {
    expect(() => formatReadingTime(-1, egypt)).toThrow(RangeError);
    expect(() => formatReadingTime(Number.POSITIVE_INFINITY, egypt)).toThrow(RangeError);
  });
});
