import type { KhabarConfig } from '../../config/user-config.ts';
import type { StringId } from '../../config/translations.ts';
import { formatNumber } from '../format/numbers.ts';
import type { FootnoteWords } from './plugins.ts';

/** The footnotes' words in the site's language and digits, from its UI strings. */
export function footnoteWords(
  config: Pick<KhabarConfig, 'locale' | 'digits'>,
  strings: Readonly<Record<StringId, string>>,
): FootnoteWords {
  return {
    label: strings['footnotes.label'],
    backLabel: strings['footnotes.back'],
    formatNumber: (value) => formatNumber(value, { locale: config.locale, digits: config.digits }),
  };
}
