/**
 * The theme's bindings to the site: the resolved config, its UI strings and formatters bound to the
 * newsroom's locale. Only components and routes import this (it reads virtual modules).
 */
import config from 'virtual:khabar/config';
import strings from 'virtual:khabar/strings';
import {
  formatDate as formatDateWith,
  formatDateTime as formatDateTimeWith,
  formatNumber as formatNumberWith,
  formatReadingTime as formatReadingTimeWith,
  formatRelative,
  isoInZone,
  readingMinutes,
  timeZoneLabel,
  type DateOptions,
  type DateTimeOptions,
} from '../lib/format/index.ts';
import type { StringId } from '../config/translations.ts';
import { interpolate } from '../config/strings.ts';
import { direction } from '../lib/direction.ts';

export { config };

const HIJRI = {
  gregorian: false,
  'gregorian+hijri': true,
  'hijri+gregorian': 'first',
  persian: false,
} as const;

const dateOptions: DateOptions = {
  locale: config.locale,
  digits: config.digits,
  timeZone: config.timeZone,
  monthStyle: config.monthNames,
  hijri: HIJRI[config.calendar],
  hijriOffset: config.hijriOffset,
  hijriFirst: strings['date.hijriFirst'],
  calendar: config.calendar === 'persian' ? 'persian' : 'gregory',
};

const dateTimeOptions: DateTimeOptions = {
  ...dateOptions,
  hourCycle: config.clock === '12h' ? 'h12' : 'h23',
  dateTime: strings['date.atTime'],
  zone:
    config.timeZoneName === false
      ? false
      : timeZoneLabel(config.timeZone, {
          locale: config.locale,
          city: config.timeZoneName,
          cityTemplate: strings['date.zoneCity'],
        }),
};

/** A UI string, with `{placeholders}` filled. */
export function t(id: StringId, values?: Record<string, string | number>): string {
  return interpolate(strings[id], values);
}

/** The date in words, in the newsroom's locale, digits, calendar and zone. */
export function formatDate(instant: Date, style: 'full' | 'long' | 'medium' = 'full'): string {
  return formatDateWith(instant, dateOptions, style);
}

/** The date and the hour with the zone: «الخميس، ١ ديسمبر ٢٠١٦، الساعة ١٤:٢٠ (بتوقيت دمشق)». */
export function formatDateTime(instant: Date, style: 'full' | 'long' | 'medium' = 'full'): string {
  return formatDateTimeWith(instant, dateTimeOptions, style);
}

/** How long before `now` the instant is, «قبل ساعتين», «أمس», counting days in the newsroom's zone. */
export function formatAgo(instant: Date, now: Date): string {
  return formatRelative(instant, now, {
    locale: config.locale,
    digits: config.digits,
    timeZone: config.timeZone,
  });
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
