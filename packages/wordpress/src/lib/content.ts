/**
 * A post's content → the Markdown body of a Khabar story. Classic-editor text gets WordPress's paragraph
 * rules first; block-editor (Gutenberg) content is already HTML between block comments. Shortcodes are
 * expanded, empty paragraphs dropped, and turndown writes the Markdown. Figures stay figures (an image
 * with its figcaption), and every run of spaces the author typed survives, so the story's text renders
 * byte for byte as it did on WordPress.
 */
import { decodeHTML, escapeText } from 'entities';
import TurndownService from 'turndown';
import { tables, strikethrough } from 'turndown-plugin-gfm';
import { autop, dropEmptyParagraphs } from './autop.ts';
import { expandShortcodes, type ShortcodeContext } from './shortcodes.ts';

export interface ContentContext extends ShortcodeContext {
  /** Where a picture's URL points in the new site (a local asset, relative to the story), or the URL kept. */
  image: (url: string) => string;
}

export interface ConvertedContent {
  markdown: string;
  /** The HTML the Markdown was written from (after paragraphs, blocks and shortcodes). */
  html: string;
  /** Shortcodes no rule knows: kept as text, listed in the report. */
  unknownShortcodes: string[];
  /** Block types with no rule of their own (their HTML was converted as it is). */
  unknownBlocks: string[];
  editor: 'classic' | 'blocks';
}

/** Blocks whose HTML turndown converts well as it is. */
const KNOWN_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'pullquote',
  'table',
  'image',
  'gallery',
  'embed',
  'separator',
  'code',
  'preformatted',
  'html',
  'more',
  'nextpage',
  'spacer',
  'group',
  'columns',
  'column',
  'verse',
  'media-text',
  'cover',
  'buttons',
  'button',
  'freeform',
  'shortcode',
  'audio',
  'video',
  'file',
]);

/** A private-use character that stands for a space turndown would otherwise collapse. */
const KEPT_SPACE = '\uE000';

const hasBlocks = (content: string) => /<!--\s+wp:[a-z]/.test(content);

/** Block comments removed; embeds become a link to what they embed; the names of unknown blocks. */
export function unwrapBlocks(content: string): { html: string; unknown: string[] } {
  const unknown = new Set<string>();
  let html = content.replace(
    // `core-embed/youtube` and the like are the embed blocks of WordPress 5.0 to 5.5.
    /<!--\s+wp:((?:core\/)?embed|core-embed\/[a-z0-9-]+)\s+(\{[\s\S]*?\})\s+-->([\s\S]*?)<!--\s+\/wp:\1\s+-->/g,
    (_, _name: string, attributes: string, inner: string) => {
      let url: string;
      try {
        const parsed = (JSON.parse(attributes) as { url?: unknown }).url;
        url = typeof parsed === 'string' ? parsed : '';
      } catch {
        url = /https?:\/\/[^\s<"]+/.exec(inner)?.[0] ?? '';
      }
      const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(inner)?.[1];
      return url ? `<p><a href="${url}">${url}</a></p>${caption ? `\n<p>${caption}</p>` : ''}` : '';
    },
  );
  html = html.replace(
    /<!--\s+(\/?)wp:([a-z][a-z0-9_-]*(?:\/[a-z0-9_-]+)?)[\s\S]*?-->/g,
    (_, closing, name: string) => {
      const short = name.replace(/^core\//, '');
      if (!closing && !KNOWN_BLOCKS.has(short)) unknown.add(short);
      return closing ? '\n\n' : '';
    },
  );
  return { html, unknown: [...unknown] };
}

/** Keeps runs of spaces the author typed, which turndown (like a browser) would collapse to one. */
function keepSpaces(html: string): string {
  return html.replace(
    /(>|^)([^<]*)/g,
    (_, open: string, text: string) => open + text.replace(/ (?= )/g, KEPT_SPACE),
  );
}

function createTurndown(context: ContentContext): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use([tables, strikethrough]);
  service.remove(['script', 'style']);
  const imageMarkdown = (image: HTMLElement) => {
    const src = image.getAttribute('src') ?? '';
    if (!src) return '';
    const alt = (image.getAttribute('alt') ?? '').replace(/[[\]\\]/g, '\\$&');
    return `![${alt}](<${context.image(src)}>)`;
  };
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => imageMarkdown(node),
  });
  // A figure with pictures: the picture in Markdown (so Astro optimises a local file), the caption in a
  // real <figcaption> inside a real <figure>.
  service.addRule('figure', {
    filter: (node) => node.nodeName === 'FIGURE' && node.getElementsByTagName('img').length > 0,
    replacement: (_content, node) => {
      const images = Array.from(node.getElementsByTagName('img'))
        .map((image) => imageMarkdown(image))
        .filter(Boolean);
      const caption = Array.from(node.getElementsByTagName('figcaption')).at(-1);
      const captionText = caption?.textContent.trim() ?? '';
      return (
        `\n\n<figure>\n\n${images.join('\n\n')}\n\n` +
        (captionText
          ? `<figcaption>${escapeText(captionText).replaceAll(KEPT_SPACE, ' ')}</figcaption>\n`
          : '') +
        '</figure>\n\n'
      );
    },
  });
  // A gallery (a block-editor gallery block, or a [gallery] shortcode, expanded into the same HTML): the
  // theme's Gallery markup (its Gallery.astro writes the same classes), each picture in Markdown so
  // Astro optimises a local file, each caption in its own figcaption.
  service.addRule('gallery', {
    // WordPress 5.0–5.2 wrote the gallery block as a <ul>, later ones as a <figure>.
    filter: (node) =>
      (node.nodeName === 'FIGURE' || node.nodeName === 'UL') && hasClass(node, 'wp-block-gallery'),
    replacement: (_content, node) => galleryMarkup(node, imageMarkdown),
  });
  return service;
}

const hasClass = (node: HTMLElement, name: string) =>
  (node.getAttribute('class') ?? '').split(/\s+/).includes(name);

const captionHtml = (caption: Element | undefined, className: string) => {
  const text = caption?.textContent.trim() ?? '';
  return text
    ? `<figcaption class="${className}" dir="auto">${escapeText(text).replaceAll(KEPT_SPACE, ' ')}</figcaption>\n`
    : '';
};

/**
 * The theme's Gallery markup for a gallery figure: its pictures (the figures inside it, or each picture
 * when it has none), each with its caption, and the gallery's own caption.
 */
function galleryMarkup(gallery: HTMLElement, imageMarkdown: (image: HTMLElement) => string): string {
  const children = Array.from(gallery.getElementsByTagName('figure')).filter(
    (figure) => figure.getElementsByTagName('img').length > 0,
  );
  const items: { images: HTMLElement[]; caption: Element | undefined }[] =
    children.length > 0
      ? children.map((figure) => ({
          images: Array.from(figure.getElementsByTagName('img')),
          caption: Array.from(figure.getElementsByTagName('figcaption')).at(-1),
        }))
      : Array.from(gallery.getElementsByTagName('img')).map((image) => ({
          images: [image],
          caption: undefined,
        }));
  const own = Array.from(gallery.childNodes).find(
    (child): child is Element => child.nodeName === 'FIGCAPTION',
  );
  const pictures = items
    .map(({ images, caption }) => {
      const markdown = images.map(imageMarkdown).filter(Boolean);
      if (markdown.length === 0) return '';
      return (
        `<li class="khabar-gallery__item"><figure class="khabar-gallery__figure">\n\n${markdown.join('\n\n')}\n\n` +
        `${captionHtml(caption, 'khabar-gallery__caption')}</figure></li>\n`
      );
    })
    .filter(Boolean);
  if (pictures.length === 0) return '';
  const columns =
    /^[1-9]$/.exec(gallery.getAttribute('data-columns') ?? '')?.[0] ??
    /\bcolumns-([1-9])\b/.exec(gallery.getAttribute('class') ?? '')?.[1];
  const columnsAttributes = columns
    ? ` data-columns="${columns}" style="--khabar-gallery-columns: ${columns}"`
    : '';
  return (
    `\n\n<figure class="khabar-gallery"${columnsAttributes}>\n<ul class="khabar-gallery__grid" role="list">\n` +
    pictures.join('') +
    '</ul>\n' +
    captionHtml(own, 'khabar-gallery__caption khabar-gallery__caption--all') +
    '</figure>\n\n'
  );
}

/** One turndown service per context: building its rules costs more than converting a post. */
const services = new WeakMap<ContentContext, TurndownService>();
function turndownFor(context: ContentContext): TurndownService {
  let service = services.get(context);
  if (!service) {
    service = createTurndown(context);
    services.set(context, service);
  }
  return service;
}

/** Converts a post's content to Markdown. Pure: pictures and attachments come from the context. */
export function convertContent(content: string, context: ContentContext, postId = ''): ConvertedContent {
  const editor = hasBlocks(content) ? 'blocks' : 'classic';
  const blocks = editor === 'blocks' ? unwrapBlocks(content) : { html: content, unknown: [] };
  const shortcodes = expandShortcodes(
    blocks.html.replace(/<!--more(?:\s[^>]*)?-->|<!--nextpage-->/g, ''),
    context,
    postId,
  );
  let html = editor === 'classic' ? autop(shortcodes.html) : shortcodes.html;
  html = dropEmptyParagraphs(html).trim();
  const markdown = turndownFor(context)
    .turndown(keepSpaces(html) || ' ')
    .replaceAll(KEPT_SPACE, ' ')
    .trim();
  return { markdown, html, unknownShortcodes: shortcodes.unknown, unknownBlocks: blocks.unknown, editor };
}

/** The plain text of the first paragraph, for the story's description; cut at a word near `max` characters. */
export function firstParagraphText(html: string, max = 200): string {
  for (const match of html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/gi)) {
    const text = decodeHTML((match[1] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return shorten(text, max);
  }
  return '';
}

/** Text no longer than about `max` characters, cut at a space, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s،,.:؛]+$/, '')}…`;
}
