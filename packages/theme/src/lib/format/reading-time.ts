/**
 * Word counts and reading time for Arabic (and mixed) article text.
 */
import { htmlText } from '../html/text.ts';
import { localeWithExtensions, type Digits } from './digits.ts';

/** Options for {@link formatReadingTime}. */
export interface ReadingTimeOptions {
  /** A BCP 47 tag such as `"ar-EG"`. */
  locale: string;
  /** Digit shape, pinned whatever the locale's default. */
  digits: Digits;
}

/** Arabic readers are usually taken to read about 180–200 words a minute. */
export const DEFAULT_WORDS_PER_MINUTE = 200;

/** Markdown's own markup, and what is not read as words, once the HTML in the source is read as text. */
const MARKUP: ReadonlyArray<readonly [RegExp, string]> = [
  [/!\[([^\]]*)\]\([^)]*\)/g, ' $1 '], // Markdown image: keep the alt text
  [/\[([^\]]*)\]\([^)]*\)/g, ' $1 '], // Markdown link: keep the link text
  [/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, ' '], // Markdown reference definitions
  [/\b(?:https?:\/\/|www\.)\S+/gi, ' '], // bare URLs
  [/\u0640/g, ''], // tatweel (kashida) only stretches a word
  [/(\p{Nd})[.,\u066B\u066C](?=\p{Nd})/gu, '$1'], // 12,345 / ٣٫٥ are one number
];
/** An apostrophe inside a word (don't, l'histoire) joins it: only searched for in a text that has one. */
const APOSTROPHE = /(\p{L})['\u2019](?=\p{L})/gu;

/**
 * A word: a run of letters, combining marks, digits and zero-width (non-)joiners (anything else splits
 * words) that holds a letter or a digit. Counted by matching, not by splitting the text into tokens.
 */
const WORD = /[\p{M}\u200C\u200D]*[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}\u200C\u200D]*/gu;

/**
 * Counts the words a reader reads in `text`: Markdown/HTML markup, URLs, entities and punctuation
 * (including Arabic "،" "؛" "؟" and "..") are dropped, and each remaining token that contains a letter
 * or a digit counts once. Numbers with separators ("12,345", "٣٫٥") count as one word, tatweel is
 * ignored and a zero-width non-joiner does not split a Persian word.
 *
 * @example
 * countWords('روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي'); // 8
 * countWords('**قال** [بوتين](https://example.com)، اليوم؟'); // 3
 */
export function countWords(text: string): number {
  // HTML inside the Markdown (tags, comments, scripts, entities) is read by a real parser.
  let plain = htmlText(text.normalize('NFC'), { keepLines: true });
  for (const [pattern, replacement] of MARKUP) plain = plain.replace(pattern, replacement);
  if (plain.includes("'") || plain.includes('\u2019')) plain = plain.replace(APOSTROPHE, '$1');
  let count = 0;
  for (const _ of plain.matchAll(WORD)) count += 1;
  return count;
}

/**
 * Whole minutes needed to read `text` at `wordsPerMinute`, rounded up, and at least 1.
 *
 * @throws {RangeError} when `wordsPerMinute` is not a positive finite number.
 *
 * @example
 * readingMinutes('كلمة '.repeat(450)); // 3 (450 words at 200 a minute)
 * readingMinutes('كلمة '.repeat(450), 180); // 3
 * readingMinutes(''); // 1
 */
export function readingMinutes(text: string, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): number {
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new RangeError(`wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  return Math.max(1, Math.ceil(countWords(text) / wordsPerMinute));
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/**
 * "N minutes" in the locale, with the grammatical number chosen by `Intl.NumberFormat`'s `unit` style
 * (`unit: 'minute'`, `unitDisplay: 'long'`). Arabic has six forms (ar-EG, arab digits):
 * 0 "٠ دقيقة", 1 "دقيقة", 2 "دقيقتان", 3 "٣ دقائق", 11 "١١ دقيقة", 100 "١٠٠ دقيقة".
 *
 * Only the unit phrase is returned: a sentence such as "قراءة ٣ دقائق" or "٣ دقائق للقراءة" belongs in
 * the translations, with this phrase inserted.
 *
 * @throws {RangeError} when `minutes` is negative or not finite.
 *
 * @example
 * formatReadingTime(2, { locale: 'ar-EG', digits: 'arab' }); // "دقيقتان"
 * formatReadingTime(3, { locale: 'ar-EG', digits: 'arab' }); // "٣ دقائق"
 * formatReadingTime(11, { locale: 'ar-EG', digits: 'latn' }); // "11 دقيقة"
 */
export function formatReadingTime(minutes: number, opts: ReadingTimeOptions): string {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a non-negative number, got ${minutes}`);
  }
  const locale = localeWithExtensions(opts.locale, { digits: opts.digits });
  let formatter = unitFormats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
    unitFormats.set(locale, formatter);
  }
  return formatter.format(minutes);
}
