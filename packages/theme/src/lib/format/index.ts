/**
 * Pure, unit-tested formatting for Arabic news pages: digits, numbers, Gregorian and Hijri dates in the
 * newsroom's time zone, `<time datetime>` values, relative times, reading time, lists of names and URL slugs.
 *
 * Nothing here reads the clock, the environment or files: pass `now`, the locale, the digits and the
 * time zone in. Every formatter pins digits and calendar, so output is the same on every machine that
 * runs the same ICU data.
 */
export { toDigits, localeWithExtensions } from './digits.ts';
export type { Digits, Calendar, LocaleExtensions } from './digits.ts';

export { formatNumber, formatCount, pluralCategory } from './numbers.ts';
export type { NumberOptions, CountOptions } from './numbers.ts';

export {
  DateInputError,
  assertTimeZone,
  isoInZone,
  parseInstant,
  timeZoneOffsetMs,
  zonedWallTimeToInstant,
} from './instant.ts';

export {
  formatDate,
  formatDateTime,
  formatHijri,
  formatTime,
  DATE_AT_TIME,
  EGYPTIAN_MONTHS,
  HIJRI_FIRST,
  LEVANTINE_MONTHS,
  MAX_HIJRI_OFFSET,
} from './dates.ts';
export type {
  DateOptions,
  DateStyle,
  DateTimeOptions,
  HijriOptions,
  MonthStyle,
  TimeOptions,
} from './dates.ts';

export { ARAB_ZONE_CITIES, timeZoneLabel, ZONE_CITY } from './zone-name.ts';
export type { ZoneLabelOptions } from './zone-name.ts';

export { formatRelative, relativeValue } from './relative.ts';
export type { AgoPhraseKey, RelativeOptions, RelativeUnit } from './relative.ts';

export { countWords, readingMinutes, formatReadingTime, DEFAULT_WORDS_PER_MINUTE } from './reading-time.ts';
export type { ReadingTimeOptions } from './reading-time.ts';

export { formatList, listParts } from './list.ts';
export type { ListPart } from './list.ts';

export { arabicSlug, encodePathSegment, decodePathSegment, DEFAULT_SLUG_LENGTH } from './slug.ts';
export type { SlugOptions } from './slug.ts';
