/**
 * UI strings, as the theme has them: `translations/<lang>.json` for Arabic (the reference), Persian,
 * Urdu and English (a newsroom's English edition), with named placeholders (`{name}`, `{count}`), chosen by the site's locale and overridable by key.
 * Pure helpers.
 */
import ar from '../translations/ar.json' with { type: 'json' };
import en from '../translations/en.json' with { type: 'json' };
import fa from '../translations/fa.json' with { type: 'json' };
import ur from '../translations/ur.json' with { type: 'json' };

export type StringKey = keyof typeof ar;
export type Strings = Record<StringKey, string>;

/** The Arabic strings: the reference every translation has the same keys as. */
export const defaultStrings: Strings = ar;

/** The translations shipped with the package, by language subtag. */
export const translations: Readonly<Record<string, Strings>> = { ar, en, fa, ur };

/** A page's language and direction: `lang` without Unicode extensions (`ar-SY`), `dir` from ICU. */
export interface PageLanguage {
  lang: string;
  dir: 'rtl' | 'ltr';
}

function parseLocale(locale: string): Intl.Locale {
  try {
    return new Intl.Locale(locale);
  } catch {
    return new Intl.Locale('ar');
  }
}

/** The `lang` and `dir` of pages in `locale`. */
export function pageLanguage(locale: string): PageLanguage {
  const parsed = parseLocale(locale) as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const direction = parsed.getTextInfo?.().direction ?? parsed.textInfo?.direction;
  return { lang: parsed.baseName, dir: direction === 'ltr' ? 'ltr' : 'rtl' };
}

/**
 * The strings for `locale`: the translation of its language (Arabic when there is none), with the
 * site's overrides on top; unknown keys are ignored.
 */
export function resolveStrings(overrides: Partial<Record<string, string>> = {}, locale = 'ar'): Strings {
  const out: Strings = { ...(translations[parseLocale(locale).language] ?? ar) };
  for (const key of Object.keys(ar) as StringKey[]) {
    const value = overrides[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * The strings a page in `locale` shows: the site's own (its language, with its overrides) when `locale`
 * is in the site's language or not given; else the translation of `locale`'s language, as shipped (an
 * English edition's stories on an Arabic site).
 * @example stringsFor({ locale: 'ar-SY', strings }, 'en').reply // 'Reply'
 */
export function stringsFor(site: { locale: string; strings: Strings }, locale?: string): Strings {
  if (!locale || parseLocale(locale).language === parseLocale(site.locale).language) return site.strings;
  return resolveStrings({}, locale);
}

/** Fills named placeholders: `format('رد على {name}', { name: 'سارة' })`. Unknown ones are left as typed. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The strings that come in plural forms: `count` for `count.zero` … `count.other`, and the like. */
export type PluralKey = {
  [K in StringKey]: K extends `${infer Base}.other` ? Base : never;
}[StringKey];

/**
 * The form of `base` for the number `n`: its CLDR plural category in `locale` (Arabic has six: zero,
 * one, two, few for 3–10, many for 11–99, other for 100 and 1000), as the theme picks its nouns.
 * Zero has its own string in every language.
 */
export function pluralKey(base: PluralKey, n: number, locale: string): StringKey {
  const category = n === 0 ? 'zero' : new Intl.PluralRules(locale).select(n);
  return `${base}.${category}` as StringKey;
}

/**
 * "٣ تعليقات": the comment count with the language's plural forms (Arabic has six) and the site's
 * digits. Zero has its own string in every language ("لا توجد تعليقات", "بدون دیدگاه").
 */
export function formatCount(strings: Strings, count: number, locale: string): string {
  return format(strings[pluralKey('count', count, locale)], {
    count: new Intl.NumberFormat(locale).format(count),
  });
}

/** A comment's date in the site's locale and time zone, formatted at build time. */
export function formatCommentDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}
