/**
 * Prepares a built page for Pagefind, in memory (the file on disk is not changed): only article pages are
 * indexed, only their `<article class="khabar-article">` (not the navigation, the footer or the related
 * stories), with a few attributes that give each result its description, date and section, and a block of
 * light stems (see `arabic.ts`) so inflected forms find the article.
 */
import { escapeXml } from '../escape.ts';
import { arabicWords, indexStems, normalizeArabic } from './arabic.ts';

const ARTICLE_OPEN = /<article\b[^>]*\bclass="(?:[^"]*\s)?khabar-article(?:\s[^"]*)?"[^>]*>/;

/** The offset of the end tag closing the `tag` element opened at `start` (balanced tags), or -1. */
function elementEnd(html: string, start: number, tag = 'article'): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index;
  }
  return -1;
}

/** Parts of an article page that are not the story: readers' comments, the share box, and whatever a
 * site puts in the AfterLead insertion point (a newsletter box, an advertisement). */
const NOT_THE_STORY =
  /<(section|div|aside)\b[^>]*\bclass="(?:[^"]*\s)?(?:khabar-comments|khabar-share|khabar-after-lead)(?:\s[^"]*)?"[^>]*>/g;

/** The fragment without the parts that are not the story (comments, share box). */
function storyOnly(fragment: string): string {
  let out = '';
  let from = 0;
  NOT_THE_STORY.lastIndex = 0;
  for (let match = NOT_THE_STORY.exec(fragment); match; match = NOT_THE_STORY.exec(fragment)) {
    const end = elementEnd(fragment, match.index, match[1] ?? 'section');
    if (end < 0) break;
    out += fragment.slice(from, match.index);
    from = end;
    NOT_THE_STORY.lastIndex = end;
  }
  return out + fragment.slice(from);
}

const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(
      /&(amp|lt|gt|quot|#39|apos);/g,
      (m) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" })[m] ?? m,
    );

/** The text of an HTML fragment, without scripts, styles and tags. */
export function htmlText(fragment: string): string {
  return decodeEntities(
    fragment.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '),
  );
}

/** The light stems of a text that Pagefind would not find on its own (not the words themselves). */
export function extraStems(text: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const word of arabicWords(text)) {
    if (seen.has(word)) continue;
    seen.add(word);
    const plain = normalizeArabic(word);
    for (const stem of indexStems(word)) if (stem !== plain) out.add(stem);
  }
  return [...out];
}

/** Adds an attribute to the first tag matching `tag`. */
function addAttribute(html: string, tag: RegExp, attribute: string): string {
  const match = tag.exec(html);
  if (!match) return html;
  const at = match.index + match[0].length - (match[0].endsWith('/>') ? 2 : 1);
  return html.slice(0, at) + ` ${attribute}` + html.slice(at);
}

/**
 * The page as Pagefind should see it, or `undefined` when the page is not an article (home, section,
 * tag, author, archive and search pages are for browsing, not search results).
 */
export function prepareForIndex(page: string): string | undefined {
  const open = ARTICLE_OPEN.exec(page);
  if (!open) return undefined;
  const start = open.index;
  const pageEnd = elementEnd(page, start);
  if (pageEnd < 0) return undefined;

  // Readers' comments and the share box are not the story: Pagefind ignores them and they are not stemmed.
  const story = storyOnly(page.slice(start + open[0].length, pageEnd));
  const article = page
    .slice(start, pageEnd)
    .replace(NOT_THE_STORY, (tag) => tag.replace(/>$/, ' data-pagefind-ignore="all">'));

  const stems = extraStems(htmlText(story));
  const block = stems.length
    ? `<div data-pagefind-weight="0.5" data-khabar-stems>${stems.join(' ')}</div>`
    : '';
  // Pagefind is handed a slim page: the `<html>` tag, the description and the article. It ignores the
  // rest (navigation, footer, related stories) anyway, and parsing and sending it cost a third of the time.
  const htmlTag = /<html\b[^>]*>/.exec(page)?.[0] ?? '<html>';
  const description = /<meta\s+name="description"[^>]*>/.exec(page.slice(0, start))?.[0];
  const head = description
    ? addAttribute(description, /<meta\b[^>]*>/, 'data-pagefind-meta="description[content]"')
    : '';
  // The stems block goes inside the article, before its end tag.
  let body = `${article}${block}</article>`;
  body = addAttribute(
    body,
    /<a\b[^>]*class="[^"]*khabar-section-label[^"]*"[^>]*>/,
    'data-pagefind-meta="section"',
  );
  body = addAttribute(body, /<time\b[^>]*>/, 'data-pagefind-meta="date"');
  body = addAttribute(body, /<article\b[^>]*>/, 'data-pagefind-body');
  return `<!doctype html>${htmlTag}<head>${head}</head><body>${body}</body></html>`;
}

/** What the search index holds of a story, read from its entry rather than from its built page. */
export interface SearchStory {
  /** The page's language and direction, as its `<html>` tag states them. */
  lang: string;
  dir: 'rtl' | 'ltr';
  title: string;
  deck?: string | undefined;
  description: string;
  /** The section's name as readers see it. */
  section: string;
  /** The publication date as the article page prints it. */
  date: string;
  /** The publication instant, for `<time datetime>`. */
  datetime: string;
  /** Byline names, in order. */
  authors: readonly string[];
  caption?: string | undefined;
  credit?: string | undefined;
  tags: readonly string[];
  /** The article's rendered Markdown. */
  html: string;
}

/**
 * A story as Pagefind should see it, built from its entry (the same shape `prepareForIndex` gives a built
 * article page: description, section, headline, deck, byline, date, caption, text, tags and stems). The
 * build hands these to Pagefind while it renders the pages, instead of reading the pages afterwards.
 */
export function storyForIndex(story: SearchStory): string {
  const optional = (tag: string, text: string | undefined) =>
    text ? `<${tag}>${escapeXml(text)}</${tag}>` : '';
  const caption = [story.caption, story.credit].filter(Boolean).join(' ');
  const page =
    `<html lang="${escapeXml(story.lang)}" dir="${story.dir}"><head>` +
    `<meta name="description" content="${escapeXml(story.description)}"></head><body>` +
    `<article class="khabar-article"><header>` +
    `<a class="khabar-section-label">${escapeXml(story.section)}</a>` +
    `<h1>${escapeXml(story.title)}</h1>${optional('p', story.deck)}</header>` +
    optional('p', story.authors.join('، ')) +
    `<p><time datetime="${escapeXml(story.datetime)}">${escapeXml(story.date)}</time></p>` +
    (caption ? `<figure>${optional('figcaption', caption)}</figure>` : '') +
    `<div class="khabar-prose">${story.html}</div>` +
    (story.tags.length ? `<ul>${story.tags.map((tag) => `<li>${escapeXml(tag)}</li>`).join('')}</ul>` : '') +
    `</article></body></html>`;
  // Never undefined: the page above is an article.
  return prepareForIndex(page) ?? page;
}
