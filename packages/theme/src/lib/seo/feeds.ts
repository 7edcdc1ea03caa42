/**
 * RSS items and channel data for `@astrojs/rss`, from plain data. The feed routes gather articles,
 * URLs and rendered HTML; everything decided about the feed's content is decided here.
 */
import { parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { escapeXml } from '../escape.ts';

/** Namespaces the theme's feeds use beyond RSS 2.0 (`content` is added by `@astrojs/rss`). */
export const FEED_XMLNS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** A story's picture as a feed carries it: the file the site publishes, with its type and size. */
export interface FeedImage {
  /** Absolute URL. */
  url: string;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
  /** Size of the file in bytes (RSS `enclosure` requires it). */
  length: number;
  width?: number | undefined;
  height?: number | undefined;
  alt?: string | undefined;
}

/** What a feed needs of a story, already resolved to absolute URLs and names. */
export interface FeedArticle {
  title: string;
  /** Absolute, encoded URL of the article page. */
  url: string;
  description: string;
  published: Date;
  updated?: Date | undefined;
  /** The section's name first, then the tags. */
  categories: readonly string[];
  /** The authors' names, in byline order. */
  authors: readonly string[];
  /** The rendered article HTML (sanitised here); omit for description-only feeds. */
  html?: string | undefined;
  /**
   * The most characters of HTML the item carries (`seo.feeds.fullContentLimit`), and the words of the
   * link to the page that ends a story cut short.
   */
  htmlLimit?: { chars: number; readOn: string } | undefined;
  image?: FeedImage | undefined;
  /** The story's corrections, each already a line as readers see it («الخميس ١ ديسمبر ٢٠١٦: …»). */
  corrections?: { heading: string; lines: readonly string[] } | undefined;
  /**
   * A live story's updates shown now, newest first, under their heading («آخر التحديثات»): in the full
   * text after the story's own, within `htmlLimit`.
   */
  updates?: { heading: string; items: readonly FeedUpdate[] } | undefined;
}

/** A live update as a feed item's full text carries it. */
export interface FeedUpdate {
  /** Absolute URL of the update's anchor on the story's page. */
  url: string;
  /** Its hour as the page prints it («١٤:٢٠»). */
  time: string;
  /** The machine-readable instant, for `<time datetime>`. */
  datetime: string;
  title?: string | undefined;
  /** The update's rendered Markdown (sanitised with the rest). */
  html: string;
}

/** One item as `@astrojs/rss` takes it. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  content?: string;
  categories: string[];
  enclosure?: { url: string; length: number; type: string };
  customData?: string;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * Article HTML made safe for feed readers: no scripts, styles, classes, ids, iframes or event
 * handlers; every link and picture an absolute URL (readers resolve nothing against the site).
 * @example sanitizeFeedHtml('<p><a href="/x/">x</a><script>1</script></p>', 'https://khabar.example/a/')
 * // '<p><a href="https://khabar.example/x/">x</a></p>'
 */
export function sanitizeFeedHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'figure', 'figcaption', 'picture'],
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'width', 'height'],
      blockquote: ['cite'],
      time: ['datetime'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.href ? { ...attribs, href: absolute(attribs.href, baseUrl) } : attribs,
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: attribs.src ? { ...attribs, src: absolute(attribs.src, baseUrl) } : attribs,
      }),
    },
    // A `<picture>` keeps only its `<img>`: feed readers do not pick among sources.
    exclusiveFilter: (frame) => frame.tag === 'source',
  }).trim();
}

/**
 * Story HTML cut to at most `limit` characters at a boundary between top-level elements (a paragraph,
 * a figure), followed by a paragraph linking to the story's page; the HTML as it is when it fits. A
 * 5 MB story otherwise makes a 5 MB item in every feed that lists it.
 * @example capFeedHtml('<p>أ</p><p>ب</p>', 10, 'https://k.example/a/', 'تابع') // '<p>أ</p><p><a href="https://k.example/a/">تابع</a></p>'
 */
export function capFeedHtml(html: string, limit: number, url: string, readOn: string): string {
  if (html.length <= limit) return html;
  const link = `<p><a href="${escapeXml(url)}">${escapeXml(readOn)}</a></p>`;
  const budget = limit - link.length;
  let end = 0;
  for (const node of parseDocument(html, { withStartIndices: true, withEndIndices: true }).children) {
    const nodeEnd = (node.endIndex ?? html.length - 1) + 1;
    if (nodeEnd > budget) break;
    end = nodeEnd;
  }
  return `${html.slice(0, end).trim()}${link}`;
}

/**
 * A live story's updates as the feed's HTML carries them: a heading, then one `<article>` an update —
 * its hour linking to its anchor, its headline, its text — so a capped item drops whole updates, the
 * oldest first.
 */
export function updatesHtml(heading: string, items: readonly FeedUpdate[]): string {
  if (items.length === 0) return '';
  const item = (update: FeedUpdate) =>
    `<article><p><a href="${escapeXml(update.url)}"><time datetime="${escapeXml(update.datetime)}">${escapeXml(update.time)}</time></a></p>` +
    (update.title ? `<h3>${escapeXml(update.title)}</h3>` : '') +
    `${update.html}</article>`;
  return `<h2>${escapeXml(heading)}</h2>${items.map(item).join('')}`;
}

function feedContent(story: string, article: FeedArticle): string {
  const { updates } = article;
  const html = updates ? `${story}${updatesHtml(updates.heading, updates.items)}` : story;
  const safe = sanitizeFeedHtml(html, article.url);
  const { htmlLimit } = article;
  return htmlLimit ? capFeedHtml(safe, htmlLimit.chars, article.url, htmlLimit.readOn) : safe;
}

/**
 * An RSS item: title, link and guid (the encoded article URL), `pubDate`, description, the sanitised
 * story in `content:encoded`, categories, authors as `dc:creator`, and the picture as both an
 * `enclosure` and a `media:content` (with dimensions and its alternative text).
 */
export function feedItem(article: FeedArticle): FeedItem {
  const { corrections } = article;
  const corrected = corrections && corrections.lines.length > 0 ? corrections : undefined;
  const extra: string[] = article.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`);
  if (article.updated) extra.push(`<atom:updated>${article.updated.toISOString()}</atom:updated>`);
  const { image } = article;
  if (image) {
    const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
    const alt = image.alt
      ? `<media:description type="plain">${escapeXml(image.alt)}</media:description>`
      : '';
    extra.push(
      `<media:content url="${escapeXml(image.url)}" type="${escapeXml(image.type)}" medium="image" fileSize="${image.length}"${size}>${alt}</media:content>`,
    );
  }
  return {
    title: article.title,
    link: article.url,
    pubDate: article.published,
    // A correction is part of the story wherever it is read: under the summary, and after the text
    // (after a long story's cut too, so a capped item still carries it).
    description: corrected
      ? `${article.description}\n${corrected.heading}: ${corrected.lines.join(' ')}`
      : article.description,
    ...(article.html !== undefined && {
      content: corrected
        ? `${feedContent(article.html, article)}${sanitizeFeedHtml(correctionsHtml(corrected.heading, corrected.lines), article.url)}`
        : feedContent(article.html, article),
    }),
    categories: [...article.categories],
    ...(image && { enclosure: { url: image.url, length: image.length, type: image.type } }),
    ...(extra.length > 0 && { customData: extra.join('') }),
  };
}

/** A story's corrections as the feed's HTML carries them: a heading and one paragraph a correction. */
function correctionsHtml(heading: string, lines: readonly string[]): string {
  return `<aside><h2>${escapeXml(heading)}</h2>${lines.map((line) => `<p>${escapeXml(line)}</p>`).join('')}</aside>`;
}

export interface ChannelInput {
  /** BCP 47, e.g. `ar-SY` (RSS takes the language tag). */
  language: string;
  /** The feed's own absolute URL, for `atom:link rel="self"`. */
  selfUrl: string;
  /** When the feed last changed: the newest publication or update among its items. */
  lastBuildDate: Date;
  /** The channel's picture (logo), with the title and link RSS requires beside it. */
  image?: { url: string; title: string; link: string; width?: number; height?: number } | undefined;
  /** Minutes a reader may cache the feed. */
  ttl?: number | undefined;
  generator?: string | undefined;
  copyright?: string | undefined;
}

/** The channel elements `@astrojs/rss` does not write itself, as its `customData`. */
export function channelCustomData(input: ChannelInput): string {
  const parts = [
    `<language>${escapeXml(input.language)}</language>`,
    `<atom:link href="${escapeXml(input.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<lastBuildDate>${input.lastBuildDate.toUTCString()}</lastBuildDate>`,
  ];
  if (input.copyright) parts.push(`<copyright>${escapeXml(input.copyright)}</copyright>`);
  if (input.generator) parts.push(`<generator>${escapeXml(input.generator)}</generator>`);
  if (input.ttl) parts.push(`<ttl>${input.ttl}</ttl>`);
  if (input.image) {
    const { url, title, link, width, height } = input.image;
    // RSS caps a channel image at 144×400; a larger logo is listed without dimensions (88×31 assumed).
    const fits = width !== undefined && height !== undefined && width <= 144 && height <= 400;
    const size = fits ? `<width>${width}</width><height>${height}</height>` : '';
    parts.push(
      `<image><url>${escapeXml(url)}</url><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link>${size}</image>`,
    );
  }
  return parts.join('');
}

/** The newest instant among items: when the feed last changed (stable across rebuilds, unlike "now"). */
export function latestChange(
  articles: readonly Pick<FeedArticle, 'published' | 'updated'>[],
  fallback: Date,
): Date {
  let latest: Date | undefined;
  for (const article of articles) {
    const instant = article.updated ?? article.published;
    if (!latest || instant.getTime() > latest.getTime()) latest = instant;
  }
  return latest ?? fallback;
}

/** The MIME type of an image format as Astro names it (`jpg`, `png`, `webp`…). */
export function imageMimeType(format: string): string {
  const f = format.toLowerCase();
  if (f === 'jpg' || f === 'jpeg') return 'image/jpeg';
  if (f === 'svg') return 'image/svg+xml';
  return `image/${f}`;
}
