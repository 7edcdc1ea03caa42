import { describe, expect, it } from 'vitest';
import ar from '../translations/ar.json' with { type: 'json' };
import { interpolate, resolveStrings, TRANSLATIONS } from './strings.ts';

describe('resolveStrings', () => {
  it('gives the Arabic strings for any Arabic locale', () => {
    expect(resolveStrings('ar-EG', {})['nav.home']).toBe('الرئيسية');
  });
  it('gives Persian and Urdu strings by language', () => {
    expect(resolveStrings('fa-IR', {})['nav.home']).toBe('صفحهٔ اصلی');
    expect(resolveStrings('ur-PK', {})['nav.home']).toBe('صفحۂ اول');
  });
  it('lets the site override any string', () => {
    expect(resolveStrings('ar', { 'article.share': 'انشر الخبر' })['article.share']).toBe('انشر الخبر');
  });
  it('gives English strings for an English edition', () => {
    expect(resolveStrings('en-GB', {})['nav.home']).toBe('Home');
  });
  it('ships English, Persian and Urdu complete: every string the Arabic file has, and no other', () => {
    for (const language of ['en', 'fa', 'ur']) {
      const extra = Object.keys(TRANSLATIONS[language] ?? {}).filter((id) => !(id in ar));
      expect(extra, language).toEqual([]);
      const missing = Object.keys(ar).filter((id) => !(id in (TRANSLATIONS[language] ?? {})));
      expect(missing, language).toEqual([]);
    }
  });
  it('falls back to Arabic for a string a translation lacks', () => {
    const strings = resolveStrings('fa', {});
    for (const id of Object.keys(ar)) expect(strings[id as keyof typeof ar], id).toBeTruthy();
  });
  it('keeps the placeholders of every translated string', () => {
    for (const [language, strings] of Object.entries(TRANSLATIONS)) {
      for (const [id, text] of Object.entries(strings)) {
        const expected = (ar[id as keyof typeof ar].match(/\{\w+\}/g) ?? []).sort();
        expect((text.match(/\{\w+\}/g) ?? []).sort(), `${language}: ${id}`).toEqual(expected);
      }
    }
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(interpolate('مدة القراءة: {time} {x}', { time: '٣ دقائق' })).toBe('مدة القراءة: ٣ دقائق {x}');
  });
});
