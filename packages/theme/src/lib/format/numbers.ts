/**
 * Numbers, counts and plural categories, with the digit shape pinned.
 */
import { localeWithExtensions, type Digits } from './digits.ts';

/** Locale and digit shape for number formatting. */
export interface NumberOptions {
  /** A BCP 47 tag such as `"ar-EG"`; grouping and decimal separators follow it. */
  locale: string;
  /** Digit shape, pinned with `-u-nu-…` whatever the locale's default. */
  digits: Digits;
}

/** Options for {@link formatCount}. */
export interface CountOptions extends NumberOptions {
  /**
   * Abbreviate large counts: `1500` → "١٫٥ ألف", `1200000` → "١٫٢ مليون" (Intl joins number and word
   * with a no-break space, U+00A0). Default `false`.
   */
  compact?: boolean | undefined;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(opts: NumberOptions, format: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits });
  const key = `${locale}\u0000${JSON.stringify(format)}`;
  let formatter = numberFormats.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, format);
    numberFormats.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats a number with `Intl.NumberFormat`, grouping and decimal separators per locale and the
 * requested digit shape. Extra `Intl.NumberFormatOptions` (percent, currency, fraction digits…) may be
 * passed as the third argument.
 *
 * Note that Arabic locales put an invisible direction mark before the minus sign: U+061C ARABIC LETTER
 * MARK with `arab` digits, U+200E LEFT-TO-RIGHT MARK with `latn` digits.
 *
 * @example
 * formatNumber(12345, { locale: 'ar-EG', digits: 'arab' }); // "١٢٬٣٤٥"
 * formatNumber(12345, { locale: 'ar-EG', digits: 'latn' }); // "12,345"
 * formatNumber(12345.5, { locale: 'ar-MA', digits: 'latn' }); // "12.345,5"
 * formatNumber(0.25, { locale: 'ar-EG', digits: 'arab' }, { style: 'percent' }); // "٢٥٪؜"
 */
export function formatNumber(
  n: number | bigint,
  opts: NumberOptions,
  format: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(opts, format).format(n);
}

/**
 * Formats a count of things (comments, views, articles): a non-negative whole number, optionally
 * abbreviated. The noun belongs to the translations; pick its form with {@link pluralCategory}.
 *
 * @throws {RangeError} when `n` is negative, fractional or not finite.
 *
 * @example
 * formatCount(1234, { locale: 'ar-EG', digits: 'arab' }); // "١٬٢٣٤"
 * formatCount(1234567, { locale: 'ar-EG', digits: 'arab', compact: true }); // "١٫٢ مليون" (U+00A0 inside)
 */
export function formatCount(n: number | bigint, opts: CountOptions): string {
  if (typeof n === 'number' ? !Number.isSafeInteger(n) || n < 0 : n < 0n) {
    throw new RangeError(`formatCount expects a non-negative whole number, got ${String(n)}`);
  }
  const format: Intl.NumberFormatOptions =
    opts.compact === true ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 };
  return numberFormat(opts, format).format(n);
}

/**
 * The CLDR plural category of `n` in `locale`, for choosing a noun form from a translation table.
 * Arabic has all six: `zero` (0), `one` (1), `two` (2), `few` (3–10, 103…), `many` (11–99, 111…) and
 * `other` (100–102, 1000…).
 *
 * @example
 * pluralCategory(3, 'ar'); // "few"   → "٣ تعليقات"
 * pluralCategory(11, 'ar'); // "many" → "١١ تعليقًا"
 * pluralCategory(100, 'ar'); // "other"
 */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  return new Intl.PluralRules(localeWithExtensions(locale)).select(n);
}
