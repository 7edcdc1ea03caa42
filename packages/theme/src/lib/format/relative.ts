/**
 * «منذ ساعتين», «منذ ٣ دقائق»: how long ago (or how soon) an instant is, relative to a clock passed in.
 */
import { localeWithExtensions, type Digits } from './digits.ts';
import { assertValidDate, timeZoneOffsetMs } from './instant.ts';
import { formatNumber, pluralCategory } from './numbers.ts';

/** Options for {@link formatRelative}. */
export interface RelativeOptions {
  /** A BCP 47 tag such as `"ar-EG"`. */
  locale: string;
  /** Digit shape, pinned whatever the locale's default (plain `ar` defaults to Western digits). */
  digits: Digits;
  /**
   * Count days as calendar days in this IANA zone, so an article from 23:00 yesterday read at 01:00 is
   * "أمس" and one from 19:00 the day before at 01:00 (30 hours) is "أول أمس". Without it a day is 24
   * elapsed hours, rounded.
   */
  timeZone?: string | undefined;
  /**
   * The words of a time in the past, as the newsroom prints them («منذ ساعتين» rather than
   * `Intl.RelativeTimeFormat`'s «قبل ساعتين»): the phrase for each unit and plural category, with the
   * number as `{count}` (see {@link AgoPhraseKey}). Without it, `Intl.RelativeTimeFormat` words the time.
   * The future is always worded by `Intl.RelativeTimeFormat` («خلال ساعتين»).
   */
  phrases?: ((key: AgoPhraseKey) => string) | undefined;
}

/** The units {@link formatRelative} picks from, smallest first. */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Every unit, smallest first. */
export const RELATIVE_UNITS: readonly RelativeUnit[] = [
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
];

/**
 * The plural categories a phrase is written for: CLDR's, without `zero` (no time ago is zero of a
 * unit: under half a second is `now`). Arabic uses all five; English, Persian and Urdu `one` and `other`.
 */
export type AgoCategory = 'one' | 'two' | 'few' | 'many' | 'other';

/** Every category a phrase is written for. */
export const AGO_CATEGORIES: readonly AgoCategory[] = ['one', 'two', 'few', 'many', 'other'];

/**
 * A phrase of a time ago: `now` («الآن»), or a unit and the plural category of its count
 * (`hour.two` «منذ ساعتين», `minute.few` «منذ {count} دقائق», `minute.many` «منذ {count} دقيقة»).
 */
export type AgoPhraseKey = 'now' | `${RelativeUnit}.${AgoCategory}`;

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const DAYS_PER_MONTH = 365.2425 / 12;
const DAYS_PER_YEAR = 365.2425;

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let formatter = relativeFormats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, formatter);
  }
  return formatter;
}

/** Days since the epoch of the calendar day `instant` falls on in `timeZone`. */
function calendarDay(instant: Date, timeZone: string): number {
  return Math.floor((instant.getTime() + timeZoneOffsetMs(instant, timeZone)) / DAY_MS);
}

/**
 * Chooses the largest sensible unit for the distance from `now` to `instant`: seconds under a minute,
 * minutes under an hour, hours under a day, days under a week, weeks under 30 days, months under a
 * year, then years. Values are rounded to the nearest whole unit (59.5 minutes is one hour). Negative
 * values are in the past.
 *
 * @example
 * const now = new Date('2016-12-01T12:00:00Z');
 * relativeValue(new Date('2016-12-01T10:00:00Z'), now); // { value: -2, unit: 'hour' }
 * relativeValue(new Date('2016-11-17T12:00:00Z'), now); // { value: -2, unit: 'week' }
 */
export function relativeValue(
  instant: Date,
  now: Date,
  timeZone?: string,
): { value: number; unit: RelativeUnit } {
  assertValidDate(instant, 'formatRelative');
  assertValidDate(now, 'formatRelative (now)');
  const elapsed = instant.getTime() - now.getTime();
  const sign = elapsed < 0 ? -1 : 1;
  const abs = Math.abs(elapsed);
  const signed = (magnitude: number): number => sign * magnitude || 0; // never -0

  const seconds = Math.round(abs / SECOND_MS);
  if (seconds < 60) return { value: signed(seconds), unit: 'second' };
  const minutes = Math.round(abs / MINUTE_MS);
  if (minutes < 60) return { value: signed(minutes), unit: 'minute' };
  const hours = Math.round(abs / HOUR_MS);
  if (hours < 24) return { value: signed(hours), unit: 'hour' };

  const days =
    timeZone === undefined
      ? signed(Math.round(abs / DAY_MS))
      : calendarDay(instant, timeZone) - calendarDay(now, timeZone);
  const absDays = Math.abs(days);
  const daySign = days < 0 ? -1 : 1;
  if (absDays < 7) return { value: days, unit: 'day' };
  if (absDays < 30) return { value: daySign * Math.round(absDays / 7), unit: 'week' };
  const months = Math.round(absDays / DAYS_PER_MONTH);
  if (months < 12) return { value: daySign * months, unit: 'month' };
  return { value: daySign * Math.max(1, Math.round(absDays / DAYS_PER_YEAR)), unit: 'year' };
}

/**
 * How long ago (or how soon) `instant` is, seen from `now`. The unit is picked by
 * {@link relativeValue}. With `phrases`, a time in the past is the newsroom's phrase for its unit and
 * the plural category `Intl.PluralRules` gives its count in the locale («منذ دقيقة», «منذ دقيقتين»,
 * «منذ ٣ دقائق», «منذ ١١ دقيقة», «منذ ١٠٠ دقيقة»), the count in the site's digits. Otherwise, and
 * for the future, `Intl.RelativeTimeFormat` words it (`numeric: 'auto'`: «قبل ساعتين», «أمس»). The
 * clock is an argument, so pages built at different times differ only because `now` does.
 *
 * @example
 * const now = new Date('2016-12-01T12:00:00+03:00');
 * formatRelative(new Date('2016-12-01T10:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "قبل ساعتين"
 * formatRelative(new Date('2016-11-30T12:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "أمس"
 * formatRelative(new Date('2016-12-01T12:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "الآن"
 * const phrases = (key) => ({ 'hour.two': 'منذ ساعتين' })[key] ?? key;
 * formatRelative(new Date('2016-12-01T10:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab', phrases }); // "منذ ساعتين"
 */
export function formatRelative(instant: Date, now: Date, opts: RelativeOptions): string {
  const { value, unit } = relativeValue(instant, now, opts.timeZone);
  const { phrases } = opts;
  if (phrases && value <= 0) return agoPhrase(-value, unit, opts, phrases);
  return relativeFormat(localeWithExtensions(opts.locale, { digits: opts.digits })).format(value, unit);
}

/** A time `count` units ago in the newsroom's words: its plural category's phrase, `{count}` filled. */
function agoPhrase(
  count: number,
  unit: RelativeUnit,
  opts: RelativeOptions,
  phrases: (key: AgoPhraseKey) => string,
): string {
  if (count === 0) return phrases('now');
  const rule = pluralCategory(count, opts.locale);
  const category: AgoCategory = rule === 'zero' ? 'other' : rule;
  const number = formatNumber(count, { locale: opts.locale, digits: opts.digits });
  return phrases(`${unit}.${category}`).replaceAll('{count}', number);
}
