/**
 * Human-readable Arabic dates and times: Gregorian with a choice of month names, and Hijri (Umm al-Qura).
 *
 * Every formatter pins the digits (`-u-nu-…`) and the calendar (`-u-ca-…`) and formats in the
 * newsroom's time zone, so the output does not depend on the runtime's defaults or the build machine's
 * zone. The machine-readable side (`<time datetime>`, parsing front matter) lives in `instant.ts` and is
 * re-exported here.
 */
import { localeWithExtensions, type Digits } from './digits.ts';
import { assertTimeZone, assertValidDate } from './instant.ts';
import { DAY_MS } from './zone.ts';

export {
  DateInputError,
  isoInZone,
  parseInstant,
  timeZoneOffsetMs,
  zonedWallTimeToInstant,
} from './instant.ts';

/**
 * Which Gregorian month names to print:
 * - `'locale'`: whatever the locale gives (ar-EG/ar-SA "ديسمبر", ar-SY/ar-LB/ar-IQ/ar-JO "كانون الأول",
 *   ar-MA "دجنبر", ar-DZ/ar-TN "ديسمبر" but "جانفي" for January) — use this for Maghreb names;
 * - `'egyptian'`: the transliterated names يناير … ديسمبر, as ar-EG gives them;
 * - `'levantine'`: the Syriac names كانون الثاني … كانون الأول, as ar-SY gives them;
 * - `'both'`: Egyptian/Levantine joined by "/" without spaces, "ديسمبر/كانون الأول", as pan-Arab and
 *   Levantine outlets print them (the seed article writes "سبتمبر/أيلول").
 *
 * Numeric months (the `'medium'` style) are never replaced.
 */
export type MonthStyle = 'locale' | 'egyptian' | 'levantine' | 'both';

/** How much of the date to print; see {@link formatDate}. */
export type DateStyle = 'full' | 'long' | 'medium';

/** Options shared by the date formatters. */
export interface DateOptions {
  /** A BCP 47 tag such as `"ar-SY"`; it decides word order, punctuation and the default month names. */
  locale: string;
  /** Digit shape, pinned whatever the locale's default. */
  digits: Digits;
  /** IANA time zone of the newsroom, e.g. `"Asia/Riyadh"`: the printed day is the calendar day there. */
  timeZone: string;
  /** Which Gregorian month names to print. */
  monthStyle: MonthStyle;
  /**
   * The Umm al-Qura Hijri date: `true` prints it after the Gregorian date, in parentheses; `'first'`
   * prints it first and the Gregorian date after «الموافق» (see {@link DateOptions.hijriFirst}), as Gulf
   * outlets and Al Jazeera do. Default `false`: Gregorian only.
   */
  hijri?: boolean | 'first' | undefined;
  /**
   * Days added to the Umm al-Qura Hijri date (−2 to 2), for newsrooms that follow a local moon sighting
   * and start the month a day before or after Umm al-Qura. The weekday and the Gregorian date stay.
   */
  hijriOffset?: number | undefined;
  /**
   * How a Hijri-first date joins its two dates, with `{hijri}` and `{gregorian}` placeholders (the
   * weekday, in the `'full'` style, goes before it). Default the Arabic «{hijri} الموافق {gregorian} م».
   */
  hijriFirst?: string | undefined;
  /**
   * The main calendar: Gregorian (default), or the Solar Hijri calendar Iran and Afghanistan print
   * (`'persian'`, e.g. "پنجشنبه ۱۱ آذر ۱۳۹۵"); month styles apply to the Gregorian calendar only.
   */
  calendar?: 'gregory' | 'persian' | undefined;
}

/** Options for {@link formatHijri}: month names and the Hijri flag do not apply. */
export type HijriOptions = Pick<DateOptions, 'locale' | 'digits' | 'timeZone' | 'hijriOffset'>;

/** The Arabic way to join a Hijri-first date, «٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م». */
export const HIJRI_FIRST = '{hijri} الموافق {gregorian} م';

/** The largest Hijri day offset {@link DateOptions.hijriOffset} accepts either way. */
export const MAX_HIJRI_OFFSET = 2;

/** Options for {@link formatTime}. */
export interface TimeOptions extends Pick<DateOptions, 'locale' | 'digits' | 'timeZone'> {
  /**
   * Force a 12-hour clock with ص/م (`'h12'`) or a 24-hour clock (`'h23'`). By default the locale
   * decides: most Arabic locales use 12 hours, ar-MA uses 24.
   */
  hourCycle?: 'h12' | 'h23' | undefined;
}

/** The Gregorian month names as ar-EG prints them (CLDR 48), January first. */
export const EGYPTIAN_MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
] as const;

/** The Gregorian month names as ar-SY prints them (CLDR 48), January first. */
export const LEVANTINE_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
] as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (formatter === undefined) {
    if (options.timeZone !== undefined) assertTimeZone(options.timeZone);
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

/** The Gregorian month (1–12) of `instant` in `timeZone`. */
function monthInZone(instant: Date, timeZone: string): number {
  const text = dateTimeFormat('en-US-u-ca-gregory-nu-latn', { month: 'numeric', timeZone }).format(instant);
  return Number(text);
}

function monthName(month: number, style: Exclude<MonthStyle, 'locale'>): string {
  const egyptian = EGYPTIAN_MONTHS[month - 1];
  const levantine = LEVANTINE_MONTHS[month - 1];
  if (egyptian === undefined || levantine === undefined) throw new RangeError(`No month ${month}`);
  if (style === 'egyptian') return egyptian;
  if (style === 'levantine') return levantine;
  return `${egyptian}/${levantine}`;
}

const NUMERIC = /^\p{Nd}+$/u;

function formatGregorian(instant: Date, opts: DateOptions, style: DateStyle): string {
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits, calendar: 'gregory' });
  const parts = dateTimeFormat(locale, { dateStyle: style, timeZone: opts.timeZone }).formatToParts(instant);
  const monthStyle = opts.monthStyle;
  if (monthStyle === 'locale') return parts.map((part) => part.value).join('');
  const name = monthName(monthInZone(instant, opts.timeZone), monthStyle);
  return parts
    .map((part) => (part.type === 'month' && !NUMERIC.test(part.value) ? name : part.value))
    .join('');
}

/**
 * The Umm al-Qura Hijri date of `instant` in `timeZone`, with the requested digits. Hijri month names
 * are the same in every Arabic locale; the weekday is printed only in the `'full'` style.
 *
 * The day changes at midnight in `timeZone` (as in `Intl`), not at sunset as in religious use. ICU
 * holds the Umm al-Qura tables for 1300–1600 AH and computes dates outside that range arithmetically.
 *
 * @example
 * const thursday = new Date('2016-12-01T10:00:00+03:00');
 * formatHijri(thursday, { locale: 'ar-SA', digits: 'arab', timeZone: 'Asia/Riyadh' });
 * // "الخميس، ٢ ربيع الأول ١٤٣٨ هـ"
 * formatHijri(thursday, { locale: 'ar-SA', digits: 'latn', timeZone: 'Asia/Riyadh' }, 'long');
 * // "2 ربيع الأول 1438 هـ"
 */
export function formatHijri(instant: Date, opts: HijriOptions, style: DateStyle = 'full'): string {
  assertValidDate(instant, 'formatHijri');
  const offset = opts.hijriOffset ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > MAX_HIJRI_OFFSET) {
    throw new RangeError(
      `hijriOffset must be a whole number of days from -${MAX_HIJRI_OFFSET} to ${MAX_HIJRI_OFFSET}, got ${String(offset)}`,
    );
  }
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits, calendar: 'islamic-umalqura' });
  const zone = opts.timeZone;
  if (offset === 0) return dateTimeFormat(locale, { dateStyle: style, timeZone: zone }).format(instant);
  // The Hijri day of a day `offset` days away; the weekday is the real day's.
  const shifted = new Date(instant.getTime() + offset * DAY_MS);
  const date = dateTimeFormat(locale, { dateStyle: style === 'full' ? 'long' : style, timeZone: zone });
  if (style !== 'full') return date.format(shifted);
  const parts = dateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).formatToParts(instant);
  const weekday = parts.find((part) => part.type === 'weekday')?.value ?? '';
  const separator = parts[1]?.type === 'literal' ? parts[1].value : ' ';
  return `${weekday}${separator}${date.format(shifted)}`;
}

/**
 * The Gregorian date of `instant` as the reader's calendar day in `opts.timeZone`, with the locale's
 * word order and punctuation, the requested digits and month names. The parts come from
 * `Intl.DateTimeFormat#formatToParts` with `-u-ca-gregory` and `-u-nu-…` pinned; only the month part is
 * swapped for the chosen names.
 *
 * Styles (ar-EG): `'full'` "الخميس، ١ ديسمبر ٢٠١٦", `'long'` "١ ديسمبر ٢٠١٦", `'medium'`
 * "٠١‏/١٢‏/٢٠١٦" (numeric, with U+200F RIGHT-TO-LEFT MARKs before the slashes; month names do not apply).
 *
 * With `hijri: true` the Umm al-Qura date follows in parentheses, without repeating the weekday.
 *
 * @example
 * const thursday = new Date('2016-12-01T10:00:00+03:00');
 * formatDate(thursday, { locale: 'ar-SY', digits: 'arab', timeZone: 'Asia/Damascus', monthStyle: 'both' });
 * // "الخميس، ١ ديسمبر/كانون الأول ٢٠١٦"
 * formatDate(thursday, { locale: 'ar-SA', digits: 'arab', timeZone: 'Asia/Riyadh', monthStyle: 'locale', hijri: true });
 * // "الخميس، ١ ديسمبر ٢٠١٦ (٢ ربيع الأول ١٤٣٨ هـ)"
 * formatDate(thursday, { locale: 'ar-MA', digits: 'latn', timeZone: 'Africa/Casablanca', monthStyle: 'locale' }, 'long');
 * // "1 دجنبر 2016"
 */
export function formatDate(instant: Date, opts: DateOptions, style: DateStyle = 'full'): string {
  assertValidDate(instant, 'formatDate');
  if (opts.calendar === 'persian') {
    const locale = localeWithExtensions(opts.locale, { digits: opts.digits, calendar: 'persian' });
    const long = dateTimeFormat(locale, { dateStyle: 'long', timeZone: opts.timeZone }).format(instant);
    if (style !== 'full') return long;
    // ICU's full Persian pattern is "۱۳۹۵ آذر ۱۱, پنجشنبه" (a Latin comma, year first); Persian newsrooms
    // print the weekday before the long date: "پنجشنبه ۱۱ آذر ۱۳۹۵".
    const weekday = dateTimeFormat(locale, { weekday: 'long', timeZone: opts.timeZone }).format(instant);
    return `${weekday} ${long}`;
  }
  if (opts.hijri === 'first') return formatHijriFirst(instant, opts, style);
  const gregorian = formatGregorian(instant, opts, style);
  if (opts.hijri !== true) return gregorian;
  const hijri = formatHijri(instant, opts, style === 'full' ? 'long' : style);
  return `${gregorian} (${hijri})`;
}

/**
 * «الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م»: the weekday (`'full'` only), the Hijri date
 * and the Gregorian date joined by `opts.hijriFirst`. In the `'medium'` style the Gregorian date is
 * numeric («٢ ربيع الأول ١٤٣٨ هـ الموافق ٠١‏/١٢‏/٢٠١٦ م»).
 */
function formatHijriFirst(instant: Date, opts: DateOptions, style: DateStyle): string {
  const dateStyle = style === 'full' ? 'long' : style;
  const joined = interpolateDates(opts.hijriFirst ?? HIJRI_FIRST, {
    hijri: formatHijri(instant, opts, dateStyle),
    gregorian: formatGregorian(instant, opts, dateStyle),
  });
  if (style !== 'full') return joined;
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits, calendar: 'gregory' });
  const weekday = dateTimeFormat(locale, { weekday: 'long', timeZone: opts.timeZone }).format(instant);
  return `${weekday} ${joined}`;
}

function interpolateDates(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The wall-clock time of `instant` in `opts.timeZone`, hours and minutes, in the locale's style:
 * "١٠:٣٠ ص" (ar-EG, arab), "10:30 م" (ar-SA, latn), "٢٢:٠٥" (ar-MA, arab, 24-hour).
 *
 * @example
 * const t = new Date('2016-12-01T10:30:00+03:00');
 * formatTime(t, { locale: 'ar-EG', digits: 'arab', timeZone: 'Asia/Riyadh' }); // "١٠:٣٠ ص"
 * formatTime(t, { locale: 'ar-EG', digits: 'latn', timeZone: 'Asia/Riyadh', hourCycle: 'h23' }); // "10:30"
 */
export function formatTime(instant: Date, opts: TimeOptions): string {
  assertValidDate(instant, 'formatTime');
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits, calendar: 'gregory' });
  const options: Intl.DateTimeFormatOptions = { timeStyle: 'short', timeZone: opts.timeZone };
  if (opts.hourCycle !== undefined) options.hourCycle = opts.hourCycle;
  return dateTimeFormat(locale, options).format(instant);
}

/** Options for {@link formatDateTime}: a date's options and a time's, and how they are joined. */
export interface DateTimeOptions extends DateOptions {
  /** A 12-hour clock with ص/م (`'h12'`) or a 24-hour clock (`'h23'`, the default, «١٤:٢٠»). */
  hourCycle?: 'h12' | 'h23' | undefined;
  /** The zone's name after the hour («بتوقيت دمشق», see `timeZoneLabel`), or `false` to print none. */
  zone?: string | false | undefined;
  /**
   * How the date and the hour are joined, with `{date}` and `{time}` placeholders. Default the Arabic
   * «{date}، الساعة {time}»; the zone follows in parentheses.
   */
  dateTime?: string | undefined;
}

/** The Arabic way to join a date and its hour: «الخميس، ١ ديسمبر ٢٠١٦، الساعة ١٤:٢٠». */
export const DATE_AT_TIME = '{date}، الساعة {time}';

/**
 * The date and the hour, as a story's page prints its publication: the date as {@link formatDate} gives
 * it (Hijri first, beside or not at all, as configured), the hour in `opts.timeZone` on a 24- or 12-hour
 * clock, and the zone's name in parentheses.
 *
 * @example
 * const t = new Date('2016-12-01T14:20:00+02:00');
 * formatDateTime(t, { locale: 'ar-EG', digits: 'arab', timeZone: 'Asia/Damascus', monthStyle: 'egyptian', zone: 'بتوقيت دمشق' });
 * // "الخميس، ١ ديسمبر ٢٠١٦، الساعة ١٤:٢٠ (بتوقيت دمشق)"
 * formatDateTime(t, { locale: 'ar-SA', digits: 'arab', timeZone: 'Asia/Damascus', monthStyle: 'locale', hijri: 'first', hourCycle: 'h12', zone: false });
 * // "الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م، الساعة ٢:٢٠ م"
 */
export function formatDateTime(instant: Date, opts: DateTimeOptions, style: DateStyle = 'full'): string {
  const date = formatDate(instant, opts, style);
  const time = formatTime(instant, { ...opts, hourCycle: opts.hourCycle ?? 'h23' });
  const joined = interpolateDates(opts.dateTime ?? DATE_AT_TIME, { date, time });
  return opts.zone ? `${joined} (${opts.zone})` : joined;
}
