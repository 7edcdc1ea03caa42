import { z } from 'astro/zod';

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
     * The calendar: `gregorian`, `gregorian+hijri` to print the Umm al-Qura Hijri date beside it, or
     * `persian` for the Solar Hijri calendar of Persian newsrooms.
     * @example calendar: 'gregorian+hijri'
     */
    calendar: z.enum(['gregorian', 'gregorian+hijri', 'persian']).default('gregorian'),
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
