/**
 * A light Arabic stemmer for search, run on both sides: at indexing time over each article's words, and in
 * the reader's browser over the query. Pagefind's own Arabic stemmer (Snowball) already strips "ال", "بال"
 * and an attached "ب", but it leaves "وال", "فال", an attached "ل", and handles some words inconsistently
 * ("الوزير" and "وزير", "البرلمان" and "برلمان", "الانتخابات" and "انتخابات" do not meet). Light stemming in
 * the style of Larkey's light10 (normalise letters, strip one conjunction, one article, then common
 * suffixes) closes those gaps; because the same function runs on both sides, a query and the text it should
 * find always meet.
 *
 * Pure and tiny: it ships to the browser with the search page.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARTICLES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'يا', 'ه', 'ي'];
const MIN_STEM = 3;

/**
 * Removes diacritics and tatweel and folds the letters Arabic, Persian and Urdu spell differently, so a
 * reader typing on any of their keyboards finds the same word: أ إ آ ٱ → ا; ى and Persian ی → ي; Persian
 * ک → ك; ة, Urdu ۃ and Urdu ہ → ه (ة only ends a word, where writers and keyboards swap it for ه); and
 * the three digit sets, ٠–٩ and ۰–۹, → 0–9.
 * @example normalizeArabic('کتابی') // 'كتابي'
 * @example normalizeArabic('مدرسة') // 'مدرسه'
 * @example normalizeArabic('۱۳۹۵') // '1395'
 */
export function normalizeArabic(word: string): string {
  return foldDigits(
    word
      .replace(DIACRITICS, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/[ىی]/g, 'ي')
      .replace(/ک/g, 'ك')
      .replace(/[ةۃہ]/g, 'ه'),
  );
}

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as 0–9. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String((digit.codePointAt(0) ?? 0) - (digit >= '\u06F0' ? 0x06f0 : 0x0660)),
  );
}

/**
 * A text as search compares it: every Arabic-script word and every number folded by
 * {@link normalizeArabic}, everything else as it is.
 * @example foldText('الرئيسی ۲۰۱۶ G20') // 'الرئيسي 2016 G20'
 */
export function foldText(text: string): string {
  return normalizeArabic(text);
}

/**
 * The light stem of one word: normalised, without a leading "و"/"ف", one article ("ال", "وال", "بال",
 * "كال", "فال", "لل") and common suffixes, never shorter than three letters.
 * @example lightStem('والمدارس') // 'مدارس'
 * @example lightStem('للإرهابيين') // 'ارهاب'
 * @example lightStem('الروسية') // 'روس'
 */
export function lightStem(word: string): string {
  let w = normalizeArabic(word);
  if (!/^[\u0621-\u064A]+$/.test(w)) return w;
  if (w.length > MIN_STEM && (w.startsWith('و') || w.startsWith('ف')) && !startsWithArticle(w)) {
    const rest = w.slice(1);
    if (startsWithArticle(rest) || rest.length >= MIN_STEM + 1) w = rest;
  }
  for (const article of ARTICLES) {
    if (w.startsWith(article) && w.length - article.length >= MIN_STEM) {
      w = w.slice(article.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) w = w.slice(0, -suffix.length);
  }
  return w;
}

function startsWithArticle(w: string): boolean {
  return ARTICLES.some((a) => a !== 'ال' && w.startsWith(a));
}

/**
 * The stems a word is indexed under: its light stem and, when it begins with an attached preposition
 * "ب", "ل" or "ك" (after an optional "و"/"ف"), the light stem without it. Both are indexed because the
 * letter may belong to the word itself ("لبنان", "بريطانيا").
 * @example indexStems('بسوريا') // ['بسور', 'سور']
 */
export function indexStems(word: string): string[] {
  const stems = new Set([lightStem(word)]);
  const n = normalizeArabic(word);
  const bare = /^[وف]?[بلك]/.exec(n);
  if (bare && n.length - bare[0].length >= MIN_STEM) stems.add(lightStem(n.slice(bare[0].length)));
  return [...stems];
}

/** The numbers of a text written in Arabic-Indic or Persian digits, in order. */
export function nonLatinNumbers(text: string): string[] {
  return text.match(/[\u0660-\u0669\u06F0-\u06F9]+/g) ?? [];
}

/** The Arabic words of a text (letters and marks), in order. */
export function arabicWords(text: string): string[] {
  // Letters, and the marks that sit on them, in Unicode property classes: no lone combining marks in a range.
  return (
    text
      .match(/(?:[\u0621-\u064A\u0671-\u06D3]|\p{Mn})+/gu)
      ?.filter((word) => /[\u0621-\u064A\u0671-\u06D3]/.test(word)) ?? []
  );
}

/**
 * The queries to run for what a reader typed: the words as typed (Pagefind's own stemming), the same
 * folded ({@link normalizeArabic}: letters and digits), the words light-stemmed, and light-stemmed without an attached "ب", "ل" or "ك" (the last of the stems
 * `indexStems` indexes). Results of all of them are merged, the typed query's first.
 * @example searchQueries('سوريا') // ['سوريا', 'سور']
 * @example searchQueries('لسوريا') // ['لسوريا', 'لسور', 'سور']
 */
export function searchQueries(query: string): string[] {
  const typed = query.trim().replace(/\s+/g, ' ');
  if (!typed) return [];
  const words = typed.split(' ');
  const isArabic = (word: string) => arabicWords(word).length > 0;
  const stemmed = words.map((word) => (isArabic(word) ? lightStem(word) : word)).join(' ');
  const bare = words.map((word) => (isArabic(word) ? (indexStems(word).at(-1) ?? word) : word)).join(' ');
  return [...new Set([typed, foldText(typed), stemmed, bare])];
}
