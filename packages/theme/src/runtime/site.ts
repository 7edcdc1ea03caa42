/**
 * The theme's bindings to the site: the resolved config, its UI strings and formatters bound to the
 * newsroom's locale — those of the edition being rendered (`runtime/edition.ts`), so one component
 * serves the Arabic and the English pages. Only components and routes import this (it reads virtual
 * modules).
 */
import type { KhabarRuntimeConfig } from '../config/runtime-config.ts';
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
import { currentEdition, EDITIONS, type Edition } from './edition.ts';

/**
 * The config of the edition being rendered: the site's options, with an edition's own language,
 * title, sections and base path on its pages. Read it when a page renders, not when a module loads.
 */
export const config: KhabarRuntimeConfig = new Proxy({} as KhabarRuntimeConfig, {
  get: (_, key): unknown => Reflect.get(currentEdition().config, key),
  has: (_, key) => Reflect.has(currentEdition().config, key),
  ownKeys: () => Reflect.ownKeys(currentEdition().config),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(currentEdition().config, key);
    return descriptor && { ...descriptor, configurable: true };
  },
});

const HIJRI = {
  gregorian: false,
  'gregorian+hijri': true,
  'hijri+gregorian': 'first',
  persian: false,
} as const;

function dateOptionsFor(edition: Edition): DateOptions {
  const own = edition.config;
  return {
    locale: own.locale,
    digits: own.digits,
    timeZone: own.timeZone,
    monthStyle: own.monthNames,
    hijri: HIJRI[own.calendar],
    hijriOffset: own.hijriOffset,
    hijriFirst: edition.strings['date.hijriFirst'],
    calendar: own.calendar === 'persian' ? 'persian' : 'gregory',
  };
}

function dateTimeOptionsFor(edition: Edition): DateTimeOptions {
  const own = edition.config;
  return {
    ...dateOptionsFor(edition),
    hourCycle: own.clock === '12h' ? 'h12' : 'h23',
    dateTime: edition.strings['date.atTime'],
    zone:
      own.timeZoneName === false
        ? false
        : timeZoneLabel(own.timeZone, {
            locale: own.locale,
            city: own.timeZoneName,
            cityTemplate: edition.strings['date.zoneCity'],
          }),
  };
}

const dateOptionsOf = new Map<Edition, DateOptions>(
  EDITIONS.map((edition) => [edition, dateOptionsFor(edition)]),
);
const dateTimeOptionsOf = new Map<Edition, DateTimeOptions>(
  EDITIONS.map((edition) => [edition, dateTimeOptionsFor(edition)]),
);

/** A UI string, with `{placeholders}` filled. */
export function t(id: StringId, values?: Record<string, string | number>): string {
  return interpolate(currentEdition().strings[id], values);
}

/**
 * Dates already written, by edition, kind and instant. A story's date is printed on every page that
 * lists it (its section's, tags', author's and month's listings, related stories, more from the
 * section) and in its pages' `datetime`s: some 300,000 dates at 10,000 stories, where working each out
 * again through `Intl` was 3.5 s of a cold build's profile. A build writes one string a story and kind.
 */
const written = new Map<Edition, Map<string, string>>();
/** Past this many a build's memo starts again (a 100,000-story archive: some 50 MB at most). */
const WRITTEN_MAX = 500_000;

function memo(kind: string, instant: Date, write: () => string): string {
  const edition = currentEdition();
  let dates = written.get(edition);
  if (!dates) written.set(edition, (dates = new Map<string, string>()));
  const key = `${kind}${instant.getTime()}`;
  let text = dates.get(key);
  if (text === undefined) {
    if (dates.size >= WRITTEN_MAX) dates.clear();
    text = write();
    dates.set(key, text);
  }
  return text;
}

/** The date in words, in the newsroom's locale, digits, calendar and zone. */
export function formatDate(instant: Date, style: 'full' | 'long' | 'medium' = 'full'): string {
  return memo(style, instant, () =>
    formatDateWith(instant, dateOptionsOf.get(currentEdition()) as DateOptions, style),
  );
}

/** The date and the hour with the zone: «الخميس، ١ ديسمبر ٢٠١٦، الساعة ١٤:٢٠ (بتوقيت دمشق)». */
export function formatDateTime(instant: Date, style: 'full' | 'long' | 'medium' = 'full'): string {
  return memo(`t${style}`, instant, () =>
    formatDateTimeWith(instant, dateTimeOptionsOf.get(currentEdition()) as DateTimeOptions, style),
  );
}

/**
 * How long before `now` the instant is, in the edition's words and digits («منذ ساعتين», «منذ ٣ دقائق»:
 * the `relative.*` UI strings), counting days in the newsroom's zone.
 */
export function formatAgo(instant: Date, now: Date): string {
  return formatRelative(instant, now, {
    locale: config.locale,
    digits: config.digits,
    timeZone: config.timeZone,
    phrases: (key) => t(`relative.${key}`),
  });
}

/** The machine-readable instant with the newsroom's offset, for `<time datetime>`. */
export function datetime(instant: Date): string {
  return memo('iso', instant, () => isoInZone(instant, config.timeZone));
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
export function lang(): string {
  return new Intl.Locale(config.locale).language;
}

/** The page direction for `<html dir>`. */
export function dir(): 'rtl' | 'ltr' {
  return direction(config.locale);
}
