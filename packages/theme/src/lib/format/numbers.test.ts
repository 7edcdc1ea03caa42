import { describe, it, expect } from 'vitest';
import { formatCount, formatNumber, pluralCategory } from './numbers.ts';

describe('formatNumber', () => {
  it('groups with the Arabic thousands separator U+066C and Arabic-Indic digits', () => {
    expect(formatNumber(12345, { locale: 'ar-EG', digits: 'arab' })).toBe('١٢٬٣٤٥');
    expect(formatNumber(1234567.891, { locale: 'ar-EG', digits: 'arab' })).toBe('١٬٢٣٤٬٥٦٧٫٨٩١');
  });

  it('uses Western separators with latn digits in ar-EG', () => {
    expect(formatNumber(12345, { locale: 'ar-EG', digits: 'latn' })).toBe('12,345');
    expect(formatNumber(0.5, { locale: 'ar-EG', digits: 'latn' })).toBe('0.5');
  });

  it('follows the Maghreb convention (dot groups, comma decimals) in ar-MA and ar-DZ', () => {
    expect(formatNumber(12345.5, { locale: 'ar-MA', digits: 'latn' })).toBe('12.345,5');
    expect(formatNumber(12345.5, { locale: 'ar-DZ', digits: 'latn' })).toBe('12.345,5');
  });

  it('pins arab digits even for plain ar, whose default is latn', () => {
    expect(formatNumber(2016, { locale: 'ar', digits: 'arab' })).toBe('٢٬٠١٦');
    expect(formatNumber(2016, { locale: 'ar', digits: 'latn' })).toBe('2,016');
    expect(formatNumber(2016, { locale: 'ar', digits: 'arab' }, { useGrouping: false })).toBe('٢٠١٦');
  });

  it('puts a direction mark before the minus sign', () => {
    expect(formatNumber(-42, { locale: 'ar-EG', digits: 'arab' })).toBe('\u061C-٤٢');
    expect(formatNumber(-42, { locale: 'ar-EG', digits: 'latn' })).toBe('\u200E-42');
  });

  it('accepts bigint and extra Intl options', () => {
    expect(formatNumber(12345n, { locale: 'ar-SA', digits: 'arab' })).toBe('١٢٬٣٤٥');
    expect(formatNumber(0.25, { locale: 'ar-EG', digits: 'arab' }, { style: 'percent' })).toBe('٢٥٪\u061C');
  });

  it('rejects a malformed locale', () => {
    expect(() => formatNumber(1, { locale: 'ar_EG', digits: 'arab' })).toThrow(/Invalid locale "ar_EG"/);
  });
});

describe('formatCount', () => {
  it('formats whole counts with grouping', () => {
    expect(formatCount(1234, { locale: 'ar-EG', digits: 'arab' })).toBe('١٬٢٣٤');
    expect(formatCount(0, { locale: 'ar-EG', digits: 'latn' })).toBe('0');
  });

  it('abbreviates when compact (Intl puts a no-break space before the word)', () => {
    const opts = { locale: 'ar-EG', digits: 'arab', compact: true } as const;
    expect(formatCount(999, opts)).toBe('٩٩٩');
    expect(formatCount(1500, opts)).toBe('١٫٥\u00A0ألف');
    expect(formatCount(1234567, opts)).toBe('١٫٢\u00A0مليون');
    expect(formatCount(2_500_000_000, { ...opts, digits: 'latn' })).toBe('2.5\u00A0مليار');
  });

  it('rejects negative, fractional and non-finite counts', () => {
    const opts = { locale: 'ar-EG', digits: 'arab' } as const;
    expect(() => formatCount(-1, opts)).toThrow(RangeError);
    expect(() => formatCount(1.5, opts)).toThrow(/non-negative whole number, got 1.5/);
    expect(() => formatCount(Number.NaN, opts)).toThrow(RangeError);
    expect(() => formatCount(-1n, opts)).toThrow(RangeError);
  });
});

describe('pluralCategory', () => {
  it('gives the six Arabic categories', () => {
    const categories = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map((n) => pluralCategory(n, 'ar-EG'));
    expect(categories).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
      'other',
      'few',
      'many',
    ]);
  });
});
