/**
 * What the search index holds of a story, computed once per build from its content entry by pure
 * functions: never read back out of a built page (a page rendered on demand is never on disk).
 *
 * `searchRecord` gathers the story's text and the light stems (see `arabic.ts`) that let inflected forms
 * find it; `recordDocument` writes that record as the small document Pagefind indexes (see
 * `integrations/search-index.ts` for why a document rather than a custom record).
 */
import { escapeAttribute, escapeText } from '../escape.ts';
import { formatList } from '../format/list.ts';
import { htmlText } from '../html/text.ts';
import { arabicWords, foldDigits, indexStems, nonLatinNumbers, normalizeArabic } from './arabic.ts';

/** A story as its content entry gives it, with the section, date and byline as its page prints them. */
export interface SearchStory {
  /** The newsroom's locale (BCP 47), for the byline's list of names. */
  locale: string;
  title: string;
  deck?: string | undefined;
  description: string;
  /** The section's name as readers see it. */
  section: string;
  /** The publication date as the article page prints it. */
  date: string;
  /** Byline names, in order. */
  authors: readonly string[];
  caption?: string | undefined;
  credit?: string | undefined;
  /** The pictures of a photo story (`kind: gallery`), in order: what each shows, its caption and credit. */
  gallery?: readonly SearchPicture[] | undefined;
  tags: readonly string[];
  /** The article's rendered Markdown. */
  html: string;
  /** A live story's updates shown now, newest first: each one's headline and rendered Markdown. */
  updates?: readonly SearchUpdate[] | undefined;
}

/**
 * A story as the server's index takes it to compute its record away from the build's main thread
 * (`integrations/search-server.ts`): its body as rendered HTML, or as the Markdown its file holds,
 * rendered there with the site's Markdown features (`edition`: whose footnote words).
 */
export type SearchSource = Omit<SearchStory, 'html'> &
  (
    | { html: string; markdown?: undefined; file?: undefined; edition?: undefined }
    | { html?: undefined; markdown: string; file?: undefined; edition?: string | undefined }
    | {
        html?: undefined;
        markdown?: undefined;
        /** The story's Markdown file (an absolute path), which the worker reads itself. */
        file: string;
        edition?: string | undefined;
      }
  );

/** A picture of a photo story, as the index reads it. */
export interface SearchPicture {
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** An update of a live story, as the index reads it. */
export interface SearchUpdate {
  title?: string | undefined;
  /** The update's rendered Markdown. */
  html: string;
}

/** A story for the index: what a result shows, the text that finds it, and its stems. */
export interface SearchRecord {
  /** What a result shows: the headline, the description, the section and the date. */
  meta: { title: string; description: string; section: string; date: string };
  /**
   * The text at full weight after the headline, in reading order: deck, byline, caption, body, the
   * gallery's pictures, the live updates, tags.
   */
  text: string[];
  /** Light stems of the story's own text that differ from its words: indexed at half weight. */
  stems: string[];
}

/**
 * What of a text Pagefind would not find on its own (not the words themselves): each word folded as the
 * query is folded (`normalizeArabic`: ی and ى as ي, ک as ك, ة as ه, no diacritics), its light stems, and
 * each number in Arabic-Indic or Persian digits in Western ones, so «۲۰۱۶», «٢٠١٦» and «2016» meet.
 */
export function extraStems(text: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const word of arabicWords(text)) {
    if (seen.has(word)) continue;
    seen.add(word);
    for (const form of wordForms(word)) out.add(form);
  }
  for (const number of nonLatinNumbers(text)) out.add(foldDigits(number));
  return [...out];
}

/** Words of a picture: what it shows, its caption and credit, each once (a gallery repeats its credit). */
function picturesText(pictures: readonly SearchPicture[]): string {
  const words = new Set<string>();
  for (const picture of pictures) {
    for (const text of [picture.alt, picture.caption, picture.credit]) if (text) words.add(text);
  }
  return [...words].join(' ');
}

/**
 * The forms of each word met in this process: a newsroom's words repeat from story to story (most of a
 * story's words are among the few thousand commonest), so each word is folded and stemmed once rather
 * than once a story. Folding and stemming were 40 % of computing a record (1.1 ms a story); at 100,000
 * stories that ran on the build's main thread while Pagefind waited. Bounded: emptied when full.
 */
const WORD_FORMS = new Map<string, readonly string[]>();
const WORD_FORMS_MAX = 500_000;

/** A word's folded form (when it differs from the word) and its light stems (when they differ from that). */
function wordForms(word: string): readonly string[] {
  const known = WORD_FORMS.get(word);
  if (known) return known;
  const plain = normalizeArabic(word);
  const forms = plain === word ? [] : [plain];
  for (const stem of indexStems(word)) if (stem !== plain && !forms.includes(stem)) forms.push(stem);
  if (WORD_FORMS.size >= WORD_FORMS_MAX) WORD_FORMS.clear();
  WORD_FORMS.set(word, forms);
  return forms;
}

/**
 * The record of a story: its body's text read from the rendered Markdown by a parser, the byline joined
 * as the page joins it (`formatList`, as `Byline.astro`), a photo story's captions, credits and
 * descriptions, a live story's updates (headline and text, as its page shows them: a word only an
 * update says finds the story), and the stems of the headline and that text.
 */
export function searchRecord(story: SearchStory): SearchRecord {
  const body = htmlText(story.html);
  const caption = [story.caption, story.credit].filter(Boolean).join(' ');
  const updates = (story.updates ?? []).map((update) =>
    [update.title, htmlText(update.html)].filter(Boolean).join(' '),
  );
  const text = [
    story.deck,
    formatList(story.authors, story.locale),
    caption,
    body,
    picturesText(story.gallery ?? []),
    ...updates,
    story.tags.join(' '),
  ].filter((block): block is string => Boolean(block));
  return {
    meta: { title: story.title, description: story.description, section: story.section, date: story.date },
    text,
    stems: extraStems([story.title, ...text].join(' ')),
  };
}

/**
 * The record as the HTML document Pagefind indexes: the headline an `<h1>` (Pagefind weighs headings
 * above text), the stems in a block of weight 0.5, the result's fields as `data-pagefind-meta`. One
 * template, every value escaped.
 */
export function recordDocument(record: SearchRecord, lang: string): string {
  const { title, description, section, date } = record.meta;
  const block = (text: string, attributes = '') => `<p${attributes}>${escapeText(text)}</p>`;
  return (
    `<!doctype html><html lang="${escapeAttribute(lang)}"><head>` +
    `<meta name="description" content="${escapeAttribute(description)}" data-pagefind-meta="description[content]">` +
    `</head><body><article data-pagefind-body>` +
    block(section, ' data-pagefind-meta="section"') +
    `<h1 data-pagefind-meta="title">${escapeText(title)}</h1>` +
    record.text.map((text) => block(text)).join('') +
    block(date, ' data-pagefind-meta="date"') +
    (record.stems.length ? block(record.stems.join(' '), ' data-pagefind-weight="0.5"') : '') +
    `</article></body></html>`
  );
}
