import { z } from 'astro/zod';
import { MAX_HIJRI_OFFSET } from '../lib/format/dates.ts';

/** Whether a string is one BCP 47 language tag. */
export function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How the newsroom writes dates and numbers. */
export const LocaleSchema = () =>
  z.object({
    /**
     * The newsroom's BCP 47 locale. It decides the page language, month names and date order.
     * @example locale: 'ar-SY'
     */
    locale: z.string().default('ar').refine(isValidLocale, {
      error: 'is not a BCP 47 language tag; use a tag such as "ar", "ar-EG" or "ar-SY"',
    }),
    /**
     * The digits numbers are written in: `arab` (٠١٢٣), `latn` (0123) or `arabext` (۰۱۲۳, Persian and
     * Urdu). Pinned, so every browser and Node version prints the same.
     * @example digits: 'arab'
     */
    digits: z.enum(['arab', 'latn', 'arabext']).default('arab'),
    /**
     * The calendar: `gregorian`; `gregorian+hijri` to print the Umm al-Qura Hijri date after it, in
     * parentheses; `hijri+gregorian` for the Hijri date first and the Gregorian after «الموافق», as Gulf
     * outlets print it («الخميس ٢ ربيع الأول ١٤٣٨ هـ الموافق ١ ديسمبر ٢٠١٦ م»); or `persian` for the
     * Solar Hijri calendar of Persian newsrooms.
     * @example calendar: 'hijri+gregorian'
     */
    calendar: z.enum(['gregorian', 'gregorian+hijri', 'hijri+gregorian', 'persian']).default('gregorian'),
    /**
     * Days added to the Umm al-Qura Hijri date, from -2 to 2, for a newsroom that follows a local moon
     * sighting and starts the month a day before (-1) or after (1) Umm al-Qura.
     * @example hijriOffset: -1
     */
    hijriOffset: z
      .number({ error: 'must be a whole number of days, such as -1, 0 or 1' })
      .int({ error: 'must be a whole number of days, such as -1, 0 or 1' })
      .min(-MAX_HIJRI_OFFSET, { error: `can move the Hijri date by at most ${MAX_HIJRI_OFFSET} days` })
      .max(MAX_HIJRI_OFFSET, { error: `can move the Hijri date by at most ${MAX_HIJRI_OFFSET} days` })
      .default(0),
    /**
     * The clock a story's hour is printed on: `24h` («الساعة ١٤:٢٠») or `12h` with ص/م («الساعة ٢:٢٠ م»).
     * @example clock: '12h'
     */
    clock: z.enum(['24h', '12h']).default('24h'),
    /**
     * The name printed after a story's hour, in parentheses. By default the city of the newsroom's
     * `timeZone` for the Arab capitals' zones («بتوقيت دمشق», «بتوقيت الرياض»), else the zone's name in
     * the site's language as `Intl` gives it; a string names it yourself (the `time.zoneCity` string
     * makes «بتوقيت …» of it), `false` prints none.
     * @example timeZoneName: 'مكة المكرمة'
     */
    timeZoneName: z
      .union([z.string().trim().min(1, { error: 'is empty: name the city, or set false' }), z.literal(false)])
      .optional(),
    /**
     * Month names: as the locale gives them (`locale`), Egyptian-style (`egyptian`: ديسمبر), Levantine
     * (`levantine`: كانون الأول), or both (`both`: ديسمبر/كانون الأول).
     * @example monthNames: 'both'
     */
    monthNames: z.enum(['locale', 'egyptian', 'levantine', 'both']).default('locale'),
    /**
     * The newsroom's IANA time zone: dates are printed, and wall-clock times in frontmatter read, in it.
     * @example timeZone: 'Asia/Damascus'
     */
    timeZone: z.string().default('UTC').refine(isValidTimeZone, {
      error: 'is not an IANA time zone; use a name such as "Asia/Riyadh", "Africa/Cairo" or "UTC"',
    }),
  });
