/**
 * The name of the newsroom's time zone as Arabic news pages print it after the hour: «بتوقيت دمشق».
 *
 * `Intl` names a zone by its country or region ("توقيت سوريا", "توقيت شرق أوروبا", "التوقيت العربي
 * الرسمي" for Riyadh), never by its city, while Arabic newsrooms write the capital: «الساعة ١٤:٢٠ (بتوقيت
 * دمشق)». So the zones of the Arab capitals carry the city's name here (CLDR has no Arabic exemplar cities
 * that `Intl` exposes); every other zone, and every other language, takes `Intl`'s generic name in the
 * site's language ("توقيت السودان" for a zone not listed, "وقت ایران" in Persian).
 */
import { assertTimeZone } from './zone.ts';

/**
 * The capital (or the city the zone is named after, where readers know it by that) of each IANA zone of
 * the Arab League's members, plus UTC as «غرينتش», in Arabic.
 */
export const ARAB_ZONE_CITIES: Readonly<Record<string, string>> = {
  'Africa/Algiers': 'الجزائر',
  'Africa/Cairo': 'القاهرة',
  'Africa/Casablanca': 'الرباط',
  'Africa/Djibouti': 'جيبوتي',
  'Africa/Khartoum': 'الخرطوم',
  'Africa/Mogadishu': 'مقديشو',
  'Africa/Nouakchott': 'نواكشوط',
  'Africa/Tripoli': 'طرابلس',
  'Africa/Tunis': 'تونس',
  'Asia/Aden': 'صنعاء',
  'Asia/Amman': 'عمّان',
  'Asia/Baghdad': 'بغداد',
  'Asia/Bahrain': 'المنامة',
  'Asia/Beirut': 'بيروت',
  'Asia/Damascus': 'دمشق',
  'Asia/Dubai': 'أبوظبي',
  'Asia/Gaza': 'غزة',
  'Asia/Hebron': 'القدس',
  'Asia/Jerusalem': 'القدس',
  'Asia/Kuwait': 'الكويت',
  'Asia/Muscat': 'مسقط',
  'Asia/Qatar': 'الدوحة',
  'Asia/Riyadh': 'الرياض',
  'Indian/Comoro': 'موروني',
  'Etc/UTC': 'غرينتش',
  'Etc/GMT': 'غرينتش',
  UTC: 'غرينتش',
};

/** Options for {@link timeZoneLabel}. */
export interface ZoneLabelOptions {
  /** The site's locale: Arabic locales get the city, others `Intl`'s generic name in their language. */
  locale: string;
  /** How a city becomes a zone's name, with a `{city}` placeholder. Default «بتوقيت {city}». */
  cityTemplate?: string | undefined;
  /** The city (or any name) the site chose instead, e.g. «مكة المكرمة». */
  city?: string | undefined;
}

/** The Arabic way to name a zone by its city: «بتوقيت دمشق». */
export const ZONE_CITY = 'بتوقيت {city}';

/**
 * The zone's name for the reader, in the site's language.
 *
 * @throws {RangeError} for a time zone the runtime does not know.
 *
 * @example
 * timeZoneLabel('Asia/Damascus', { locale: 'ar-SY' }); // "بتوقيت دمشق"
 * timeZoneLabel('Asia/Riyadh', { locale: 'ar-SA', city: 'مكة المكرمة' }); // "بتوقيت مكة المكرمة"
 * timeZoneLabel('Asia/Tehran', { locale: 'fa-IR' }); // "وقت ایران"
 */
export function timeZoneLabel(timeZone: string, opts: ZoneLabelOptions): string {
  const zone = assertTimeZone(timeZone);
  const template = opts.cityTemplate ?? ZONE_CITY;
  const language = new Intl.Locale(opts.locale).language;
  const city = opts.city ?? (language === 'ar' ? ARAB_ZONE_CITIES[zone] : undefined);
  if (city !== undefined) return template.replace('{city}', city);
  // The country ("توقيت السودان") where Intl has one, else the region ("توقيت شرق أفريقيا").
  const short = intlZoneName(zone, opts.locale, 'shortGeneric');
  if (short !== undefined && !/\p{Nd}/u.test(short)) return short;
  return intlZoneName(zone, opts.locale, 'longGeneric') ?? zone;
}

function intlZoneName(
  timeZone: string,
  locale: string,
  style: 'shortGeneric' | 'longGeneric',
): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(0)
    .find((part) => part.type === 'timeZoneName')?.value;
}
