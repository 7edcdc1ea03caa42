/**
 * "قبل ساعتين", "أمس": how long ago (or how soon) an instant is, relative to a clock passed in.
 */
import { localeWithExtensions, type Digits } from './digits.ts';
import { assertValidDate, timeZoneOffsetMs } from './instant.ts';

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
}

/** The units {@link formatRelative} picks from, smallest first. */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

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
 * How long ago (or how soon) `instant` is, seen from `now`, with `Intl.RelativeTimeFormat`
 * (`numeric: 'auto'`, so yesterday is "أمس", not "قبل يوم واحد"). The unit is picked by
 * {@link relativeValue}. The clock is an argument, so pages built at different times differ only
 * because `now` does.
 *
 * @example
 * const now = new Date('2016-12-01T12:00:00+03:00');
 * formatRelative(new Date('2016-12-01T10:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "قبل ساعتين"
 * formatRelative(new Date('2016-11-30T12:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "أمس"
 * formatRelative(new Date('2016-12-01T12:00:00+03:00'), now, { locale: 'ar-EG', digits: 'arab' }); // "الآن"
 */
export function formatRelative(instant: Date, now: Date, opts: RelativeOptions): string {
  const { value, unit } = relativeValue(instant, now, opts.timeZone);
  return relativeFormat(localeWithExtensions(opts.locale, { digits: opts.digits })).format(value, unit);
}
