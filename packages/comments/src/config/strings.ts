/** UI strings: Arabic defaults from `translations/ar.json`, overridable per site. Pure helpers. */
import ar from '../translations/ar.json' with { type: 'json' };

export type StringKey = keyof typeof ar;
export type Strings = Record<StringKey, string>;

export const defaultStrings: Strings = ar;

/** Merges a site's overrides over the defaults; unknown keys are ignored. */
export function resolveStrings(overrides: Partial<Record<string, string>> = {}): Strings {
  const out: Strings = { ...ar };
  for (const key of Object.keys(ar) as StringKey[]) {
    const value = overrides[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Fills `%s` (and `%d`) placeholders in order. */
export function format(template: string, ...values: (string | number)[]): string {
  let i = 0;
  return template.replace(/%[sd]/g, () => String(values[i++] ?? ''));
}

/**
 * "3 تعليقات": the comment count with Arabic plural forms (zero, one, two, few, many, other) and the
 * site's digits.
 */
export function formatCount(strings: Strings, count: number, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key = `count.${category}` as StringKey;
  const template = strings[key];
  return template.replace('{n}', new Intl.NumberFormat(locale).format(count));
}

/** A comment's date in the site's locale and time zone, formatted at build time. */
export function formatCommentDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}
