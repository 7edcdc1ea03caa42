/**
 * Lists of names ("مها وسامر وليلى") in the locale's words, with `Intl.ListFormat`.
 */

/** One piece of a formatted list: the name at `index` in the input, or the words between two names. */
export type ListPart = { type: 'element'; index: number; value: string } | { type: 'literal'; value: string };

/** One formatter a locale: making an `Intl.ListFormat` costs more than using it (a byline a story, 100,000 stories). */
const formatters = new Map<string, Intl.ListFormat>();
const conjunction = (locale: string): Intl.ListFormat => {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.ListFormat(locale, { type: 'conjunction' });
    formatters.set(locale, formatter);
  }
  return formatter;
};

/**
 * The pieces of `names` joined as the locale joins a list ("and"), from `formatToParts`: each name as
 * an element with its index (so a component can make it a link), the separators as literals.
 * @example listParts(['مها', 'سامر'], 'ar') // [{ type: 'element', index: 0, value: 'مها' }, { type: 'literal', value: ' و' }, { type: 'element', index: 1, value: 'سامر' }]
 */
export function listParts(names: readonly string[], locale: string): ListPart[] {
  let index = 0;
  return conjunction(locale)
    .formatToParts(names)
    .map(({ type, value }): ListPart =>
      type === 'element' ? { type, index: index++, value } : { type: 'literal', value },
    );
}

/**
 * `names` joined as the locale joins a list: the text of {@link listParts}.
 * @example formatList(['مها', 'سامر', 'ليلى'], 'ar') // 'مها وسامر وليلى'
 */
export function formatList(names: readonly string[], locale: string): string {
  return conjunction(locale).format(names);
}
