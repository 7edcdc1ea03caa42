import { describe, it, expect } from 'vitest';
import { localeWithExtensions, toDigits } from './digits.ts';

describe('toDigits', () => {
  it('turns Western digits into Arabic-Indic ones and leaves other text alone', () => {
    expect(toDigits('G20 قمة 2016، 0123456789', 'arab')).toBe('G٢٠ قمة ٢٠١٦، ٠١٢٣٤٥٦٧٨٩');
  });

  it('turns Arabic-Indic digits into Western ones', () => {
    expect(toDigits('قمة ٢٠١٦: ٠١٢٣٤٥٦٧٨٩', 'latn')).toBe('قمة 2016: 0123456789');
  });

  it('maps Persian (Extended Arabic-Indic) digits to both shapes', () => {
    expect(toDigits('۰۱۲۳۴۵۶۷۸۹', 'latn')).toBe('0123456789');
    expect(toDigits('۱۳۹۵', 'arab')).toBe('١٣٩٥');
  });

  it('writes Persian (Extended Arabic-Indic) digits for arabext', () => {
    expect(toDigits('G20 2016 ٢٠١٦', 'arabext')).toBe('G۲۰ ۲۰۱۶ ۲۰۱۶');
  });

  it('keeps separators: only digits change', () => {
    expect(toDigits('١٢٬٣٤٥٫٦', 'latn')).toBe('12٬345٫6');
  });

  it('round-trips', () => {
    const text = 'عام 2016 والساعة 10:30';
    expect(toDigits(toDigits(text, 'arab'), 'latn')).toBe(text);
  });
});

describe('localeWithExtensions', () => {
  it('adds nu and ca keys in canonical order', () => {
    expect(localeWithExtensions('ar-EG', { digits: 'arab', calendar: 'gregory' })).toBe(
      'ar-EG-u-ca-gregory-nu-arab',
    );
    expect(localeWithExtensions('ar-SA', { calendar: 'islamic-umalqura' })).toBe(
      'ar-SA-u-ca-islamic-umalqura',
    );
  });

  it('replaces nu and ca keys already in the tag and keeps other keys', () => {
    expect(
      localeWithExtensions('ar-SA-u-nu-latn-ca-islamic-hc-h23', { digits: 'arab', calendar: 'gregory' }),
    ).toBe('ar-SA-u-ca-gregory-hc-h23-nu-arab');
  });

  it('keeps existing keys when an option is omitted', () => {
    expect(localeWithExtensions('ar-u-nu-arab', { calendar: 'gregory' })).toBe('ar-u-ca-gregory-nu-arab');
    expect(localeWithExtensions('ar-u-nu-arab')).toBe('ar-u-nu-arab');
  });

  it('canonicalises case and keeps transform and private-use extensions', () => {
    expect(localeWithExtensions('AR-eg', { digits: 'latn' })).toBe('ar-EG-u-nu-latn');
    expect(localeWithExtensions('ar-EG-t-en-x-khabar', { digits: 'arab' })).toBe(
      'ar-EG-t-en-u-nu-arab-x-khabar',
    );
  });

  it('pins digits Intl would otherwise choose differently (plain ar defaults to latn)', () => {
    expect(new Intl.NumberFormat('ar').format(42)).toBe('42');
    expect(new Intl.NumberFormat(localeWithExtensions('ar', { digits: 'arab' })).format(42)).toBe('٤٢');
    expect(new Intl.NumberFormat('ar-MA').format(42)).toBe('42');
    expect(new Intl.NumberFormat(localeWithExtensions('ar-MA', { digits: 'arab' })).format(42)).toBe('٤٢');
  });

  it('throws a RangeError naming the bad locale', () => {
    expect(() => localeWithExtensions('ar_EG', { digits: 'arab' })).toThrow(RangeError);
    expect(() => localeWithExtensions('ar_EG', { digits: 'arab' })).toThrow(/Invalid locale "ar_EG"/);
    expect(() => localeWithExtensions('', {})).toThrow(/Invalid locale ""/);
    expect(() => localeWithExtensions('x', {})).toThrow(/Invalid locale "x"/);
  });
});
