/**
 * Digit shapes and BCP 47 locale tags.
 *
 * Arabic-speaking regions disagree about digits: Egypt, the Levant and the Gulf print Arabic-Indic
 * digits (٠١٢٣٤٥٦٧٨٩), the Maghreb prints Western ones, and CLDR moved plain `ar` to Western digits.
 * Defaults also differ between Node, browsers and ICU versions, so every formatter in this folder pins
 * the numbering system (and the calendar) explicitly through {@link localeWithExtensions}.
 */

/**
 * The digit shapes a site can choose: Arabic-Indic (`arab`, ٠–٩), Western (`latn`, 0–9), or Extended
 * Arabic-Indic (`arabext`, ۰–۹, as Persian and Urdu print them).
 */
export type Digits = 'arab' | 'latn' | 'arabext';

/** The calendars the formatters pin: Gregorian, or the Saudi Umm al-Qura Hijri calendar. */
export type Calendar = 'gregory' | 'islamic-umalqura' | 'persian';

/** Options for {@link localeWithExtensions}. Omitted keys keep whatever the input tag says. */
export interface LocaleExtensions {
  /** Numbering system, written as `-u-nu-…`. */
  digits?: Digits | undefined;
  /** Calendar, written as `-u-ca-…`. */
  calendar?: Calendar | undefined;
}

const ARABIC_INDIC_ZERO = 0x0660; // ٠
const PERSIAN_ZERO = 0x06f0; // ۰ (Extended Arabic-Indic, used in Iran, Afghanistan, Pakistan)
const WESTERN_ZERO = 0x0030; // 0

const NON_LATN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
const NON_ARAB_DIGIT = /[0-9\u06F0-\u06F9]/g;
const NON_ARABEXT_DIGIT = /[0-9\u0660-\u0669]/g;

function digitValue(char: string): number {
  const code = char.codePointAt(0) ?? WESTERN_ZERO;
  if (code >= PERSIAN_ZERO) return code - PERSIAN_ZERO;
  if (code >= ARABIC_INDIC_ZERO) return code - ARABIC_INDIC_ZERO;
  return code - WESTERN_ZERO;
}

/**
 * Rewrites every digit in `text` in the requested shape, leaving everything else untouched.
 *
 * - `'latn'`: Arabic-Indic (U+0660–0669) and Extended Arabic-Indic/Persian (U+06F0–06F9) → `0–9`.
 * - `'arab'`: Western `0–9` and Persian digits → Arabic-Indic `٠–٩`.
 *
 * Only digits change: separators such as the Arabic decimal separator "٫" or the thousands separator
 * "٬" are kept, so use {@link formatNumber} rather than this function to format numbers.
 *
 * @example
 * toDigits('G20 2016', 'arab'); // "G٢٠ ٢٠١٦"
 * toDigits('قمة ٢٠١٦', 'latn'); // "قمة 2016"
 * toDigits('۱۳۹۵', 'latn'); // "1395" (Persian digits)
 * toDigits('2016', 'arabext'); // "۲۰۱۶"
 */
export function toDigits(text: string, digits: Digits): string {
  if (digits === 'latn') {
    return text.replace(NON_LATN_DIGIT, (d) => String.fromCharCode(WESTERN_ZERO + digitValue(d)));
  }
  if (digits === 'arabext') {
    return text.replace(NON_ARABEXT_DIGIT, (d) => String.fromCharCode(PERSIAN_ZERO + digitValue(d)));
  }
  return text.replace(NON_ARAB_DIGIT, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + digitValue(d)));
}

/**
 * Validates a BCP 47 language tag and returns it with the numbering system and/or calendar pinned as
 * Unicode extension keys (`-u-nu-…`, `-u-ca-…`). Existing `nu`/`ca` keys in the input are replaced;
 * other extensions (`-u-hc-…`, `-t-…`, private use) are kept. The result is canonicalised, so key
 * order and case follow `Intl.getCanonicalLocales` (e.g. `ca` is written before `nu`).
 *
 * @throws {RangeError} naming the locale when it is not a well-formed BCP 47 tag (e.g. `"ar_EG"`).
 *
 * @example
 * localeWithExtensions('ar-EG', { digits: 'arab', calendar: 'gregory' }); // "ar-EG-u-ca-gregory-nu-arab"
 * localeWithExtensions('ar-SA-u-nu-latn', { digits: 'arab' }); // "ar-SA-u-nu-arab"
 * localeWithExtensions('ar_EG', {}); // throws RangeError: Invalid locale "ar_EG" …
 */
export function localeWithExtensions(locale: string, opts: LocaleExtensions = {}): string {
  const key = `${locale}|${opts.digits ?? ''}|${opts.calendar ?? ''}`;
  let tag = localeTags.get(key);
  if (tag === undefined) {
    tag = buildLocaleTag(locale, opts);
    localeTags.set(key, tag);
  }
  return tag;
}

/** Built tags by input: formatters ask for the same few tags many thousand times in a build. */
const localeTags = new Map<string, string>();

function buildLocaleTag(locale: string, opts: LocaleExtensions): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch (cause) {
    throw new RangeError(
      `Invalid locale ${JSON.stringify(locale)}: expected a BCP 47 language tag such as "ar", "ar-EG" or "ar-SA" (use "-", not "_")`,
      { cause },
    );
  }
  if (canonical === undefined) {
    throw new RangeError(`Invalid locale ${JSON.stringify(locale)}: the tag is empty`);
  }
  const options: Intl.LocaleOptions = {};
  if (opts.digits !== undefined) options.numberingSystem = opts.digits;
  if (opts.calendar !== undefined) options.calendar = opts.calendar;
  return new Intl.Locale(canonical, options).toString();
}
