/** Languages written right to left, by ISO 639 code. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'sd', 'ckb', 'ku', 'ug', 'yi', 'dv', 'syr']);

/**
 * The writing direction of a locale's language.
 * @example direction('fa-IR') // 'rtl'
 */
export function direction(locale: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(new Intl.Locale(locale).language) ? 'rtl' : 'ltr';
}
