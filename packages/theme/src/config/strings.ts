import ar from '../translations/ar.json' with { type: 'json' };
import en from '../translations/en.json' with { type: 'json' };
import fa from '../translations/fa.json' with { type: 'json' };
import ur from '../translations/ur.json' with { type: 'json' };
import type { StringId } from './translations.ts';

type Strings = Record<StringId, string>;

/**
 * The theme's UI strings by language. Arabic is complete and the reference; English (for a site's
 * English edition), Persian and Urdu are complete too; another language may leave a string out, and
 * the Arabic one is used. Add a language with a `translations/<lang>.json`.
 */
export const TRANSLATIONS: Record<string, Partial<Strings>> = { ar, en, fa, ur };

/**
 * The UI strings for a locale (by its language subtag), with the site's overrides applied.
 * @example resolveStrings('fa-IR', {})['nav.home'] // 'صفحهٔ اصلی'
 */
export function resolveStrings(locale: string, overrides: Partial<Strings>): Strings {
  const language = new Intl.Locale(locale).language;
  const strings: Strings = { ...ar, ...TRANSLATIONS[language] };
  for (const [id, value] of Object.entries(overrides) as [StringId, string | undefined][]) {
    if (value !== undefined) strings[id] = value;
  }
  return strings;
}

/**
 * Fills `{name}` placeholders in a UI string.
 * @example interpolate('مدة القراءة: {time}', { time: '٣ دقائق' }) // 'مدة القراءة: ٣ دقائق'
 */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
