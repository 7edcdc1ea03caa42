/**
 * Prepares a built page for Pagefind, in memory (the file on disk is not changed): only article pages are
 * indexed, only their `<article class="khabar-article">` (not the navigation, the footer or the related
 * stories), with a few attributes that give each result its description, date and section, and a block of
 * light stems (see `arabic.ts`) so inflected forms find the article.
 */
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

/** Adds an attribute to the first tag matching `tag` at or after `from` and before `to`. */
function addAttribute(html: string, tag: RegExp, attribute: string, from = 0, to = html.length): string {
  const slice = html.slice(from, to);
  const match = tag.exec(slice);
  if (!match) return html;
  const at = from + match.index + match[0].length - (match[0].endsWith('/>') ? 2 : 1);
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
  const html = page.slice(0, start) + article + page.slice(pageEnd);
  const end = start + article.length;

  const stems = extraStems(htmlText(story));
  const block = stems.length
    ? `<div data-pagefind-weight="0.5" data-khabar-stems>${stems.join(' ')}</div>`
    : '';
  let out = html.slice(0, end) + block + html.slice(end);
  // Attributes are added back to front so earlier offsets stay valid.
  const articleEnd = end + block.length;
  out = addAttribute(
    out,
    /<a\b[^>]*class="[^"]*khabar-section-label[^"]*"[^>]*>/,
    'data-pagefind-meta="section"',
    start,
    articleEnd,
  );
  out = addAttribute(out, /<time\b[^>]*>/, 'data-pagefind-meta="date"', start, articleEnd);
  out = addAttribute(out, /<article\b[^>]*>/, 'data-pagefind-body', start, articleEnd);
  out = addAttribute(
    out,
    /<meta\s+name="description"[^>]*>/,
    'data-pagefind-meta="description[content]"',
    0,
    start,
  );
  return out;
}
