/**
 * The theme's bindings to the site: the resolved config, its UI strings and formatters bound to the
 * newsroom's locale. Only components and routes import this (it reads virtual modules).
 */
import config from 'virtual:khabar/config';
import strings from 'virtual:khabar/strings';
import {
  formatDate as formatDateWith,
  formatNumber as formatNumberWith,
  formatReadingTime as formatReadingTimeWith,
  isoInZone,
  readingMinutes,
  type DateOptions,
} from '../lib/format/index.ts';
import type { StringId } from '../config/translations.ts';
import { interpolate } from '../config/strings.ts';
import { direction } from '../lib/direction.ts';

export { config };

const dateOptions: DateOptions = {
  locale: config.locale,
  digits: config.digits,
  timeZone: config.timeZone,
  monthStyle: config.monthNames,
  hijri: config.calendar === 'gregorian+hijri',
  calendar: config.calendar === 'persian' ? 'persian' : 'gregory',
};

/** A UI string, with `{placeholders}` filled. */
export function t(id: StringId, values?: Record<string, string | number>): string {
  return interpolate(strings[id], values);
}

/** The date in words, in the newsroom's locale, digits, calendar and zone. */
export function formatDate(instant: Date, style: 'full' | 'long' | 'medium' = 'full'): string {
  return formatDateWith(instant, dateOptions, style);
}

/** The machine-readable instant with the newsroom's offset, for `<time datetime>`. */
export function datetime(instant: Date): string {
  return isoInZone(instant, config.timeZone);
}

/** A number in the site's digits. */
export function formatNumber(value: number, format?: Intl.NumberFormatOptions): string {
  return formatNumberWith(value, { locale: config.locale, digits: config.digits }, format);
}

/** "٣ دقائق" for a text. */
export function readingTime(text: string): string {
  return formatReadingTimeWith(readingMinutes(text, config.wordsPerMinute), {
    locale: config.locale,
    digits: config.digits,
  });
}

/** The language for `<html lang>`: the locale's language subtag ("ar" for "ar-SY"). */
export const lang = new Intl.Locale(config.locale).language;

/** The page direction for `<html dir>`. */
export const dir = direction(config.locale);
