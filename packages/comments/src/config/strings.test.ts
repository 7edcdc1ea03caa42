import { describe, expect, it } from 'vitest';
import {
  defaultStrings,
  format,
  formatCommentDate,
  formatCount,
  pageLanguage,
  resolveStrings,
  stringsFor,
  translations,
} from './strings.ts';

describe('strings', () => {
  it('has the WordPress Arabic strings', () => {
    expect(defaultStrings['form.title']).toBe('اترك تعليقاً');
    expect(defaultStrings.pending).toBe('تعليقك في انتظار المراجعة.');
    expect(defaultStrings.closed).toBe('التعليقات مغلقة.');
    expect(defaultStrings['error.flood']).toBe('أنت تقوم بنشر التعليقات بسرعة كبيرة. تمهّل قليلاً.');
  });
  it('counts with the six Arabic plural forms', () => {
    const s = defaultStrings;
    expect([0, 1, 2, 3, 11, 100].map((n) => formatCount(s, n, 'ar-EG'))).toEqual([
      'لا توجد تعليقات',
      'تعليق واحد',
      'تعليقان',
      '٣ تعليقات',
      '١١ تعليقاً',
      '١٠٠ تعليق',
    ]);
    expect(formatCount(s, 5, 'ar-u-nu-latn')).toBe('5 تعليقات');
  });
  it('formats and overrides', () => {
    expect(format(defaultStrings['form.titleReply'], { name: 'سارة' })).toBe('اترك رداً على سارة');
    expect(resolveStrings({ 'form.title': 'شاركنا رأيك', bogus: 'x' })['form.title']).toBe('شاركنا رأيك');
    expect(formatCommentDate('2016-12-01T10:15:00.000Z', 'ar-SY-u-nu-arab', 'Asia/Damascus')).toContain(
      '٢٠١٦',
    );
  });
  it('fills named placeholders only, and leaves unknown ones as typed', () => {
    expect(format('«{field}» ({max})', { field: 'الاسم', max: 245 })).toBe('«الاسم» (245)');
    expect(format('{field} {constructor} {other}', { field: 'x' })).toBe('x {constructor} {other}');
  });
});

describe('translations', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(['en', 'fa', 'ur'])('%s has every key of ar.json, with the same named placeholders', (lang) => {
    const strings = translations[lang] ?? {};
    expect(Object.keys(strings)).toEqual(Object.keys(defaultStrings));
    for (const [key, text] of Object.entries(defaultStrings)) {
      expect(placeholders(strings[key as keyof typeof strings]), `${lang}: ${key}`).toEqual(
        placeholders(text),
      );
    }
  });
  it('uses no printf placeholders in any language', () => {
    for (const strings of Object.values(translations))
      for (const text of Object.values(strings)) expect(text).not.toMatch(/%[sd]/);
  });
  it('picks the language of the locale, with the site overrides on top', () => {
    expect(resolveStrings({}, 'fa-IR')['form.title']).toBe('دیدگاهتان را بنویسید');
    expect(resolveStrings({}, 'ur-PK').pending).toBe('آپ کا تبصرہ منظوری کا منتظر ہے۔');
    expect(resolveStrings({ pending: 'x' }, 'ur').pending).toBe('x');
    expect(resolveStrings({}, 'en').pending).toBe('Your comment is awaiting moderation.');
    // A language without a translation gets the Arabic reference.
    expect(resolveStrings({}, 'de').pending).toBe(defaultStrings.pending);
  });
  it("gives another edition's pages their language's strings, the site's own to its language", () => {
    const site = { locale: 'ar-SY', strings: resolveStrings({ reply: 'ردّ' }, 'ar-SY') };
    expect(stringsFor(site, 'en').reply).toBe('Reply');
    expect(stringsFor(site, 'en-GB')['form.submit']).toBe('Post Comment');
    expect(stringsFor(site, 'ar-EG').reply).toBe('ردّ');
    expect(stringsFor(site).reply).toBe('ردّ');
    const en = stringsFor(site, 'en');
    expect([0, 1, 3].map((n) => formatCount(en, n, 'en'))).toEqual([
      'No comments',
      'One comment',
      '3 comments',
    ]);
  });
  it('counts in Persian and Urdu, zero included', () => {
    const fa = resolveStrings({}, 'fa');
    expect([0, 1, 3].map((n) => formatCount(fa, n, 'fa'))).toEqual(['بدون دیدگاه', 'یک دیدگاه', '۳ دیدگاه']);
    const ur = resolveStrings({}, 'ur');
    expect([0, 1, 3].map((n) => formatCount(ur, n, 'ur-u-nu-arabext'))).toEqual([
      'کوئی تبصرہ نہیں',
      'ایک تبصرہ',
      '۳ تبصرے',
    ]);
  });
  it('gives pages the language and direction of the site', () => {
    expect(pageLanguage('ar-SY-u-nu-arab')).toEqual({ lang: 'ar-SY', dir: 'rtl' });
    expect(pageLanguage('fa-IR')).toEqual({ lang: 'fa-IR', dir: 'rtl' });
    expect(pageLanguage('ur')).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(pageLanguage('en-GB')).toEqual({ lang: 'en-GB', dir: 'ltr' });
  });
});
