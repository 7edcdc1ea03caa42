/**
 * WordPress shortcodes in a post's text: `[caption]` becomes a figure, `[embed]`, `[video]` and `[audio]`
 * a link, `[gallery]` a gallery (the theme's Gallery markup, lib/content.ts); any other shortcode stays as text, and its name is returned so the
 * report can list it.
 */
import { escapeAttribute, escapeText } from 'entities';

export interface ShortcodeContext {
  /** The attachments a `[gallery ids="…"]` names: their file URL and alt text. */
  attachment: (id: string) => { url: string; alt: string; caption: string } | undefined;
  /**
   * The ids of the attachments uploaded to a post, in WordPress's gallery order (menu order, then id):
   * what a `[gallery]` without `ids` shows.
   */
  attachedTo?: ((postId: string) => readonly string[]) | undefined;
}

/** Reads `key="value"`, `key='value'` and `key=value` attributes. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    const key = (match[1] ?? '').toLowerCase();
    attributes[key] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

const HANDLED = new Set(['caption', 'wp_caption', 'embed', 'video', 'audio', 'gallery']);

function link(url: string): string {
  return `<p><a href="${escapeAttribute(url)}">${escapeText(url)}</a></p>`;
}

function caption(attributes: Record<string, string>, inner: string): string {
  // The caption is the text after the image (WordPress 3.4+), or the old `caption` attribute.
  const media = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)/i.exec(inner);
  const picture = media?.[1] ?? '';
  const text = (media ? inner.slice(media[0].length) : inner).trim() || attributes['caption'] || '';
  return `<figure>${picture.replace(/<\/?a(?:\s[^>]*)?>/gi, '')}<figcaption>${text.trim()}</figcaption></figure>`;
}

/**
 * A gallery as the block editor writes one (a figure of figures), which lib/content.ts turns into the
 * theme's Gallery markup: the pictures `ids` names, else those uploaded to the post; `columns` kept.
 */
function gallery(attributes: Record<string, string>, context: ShortcodeContext, postId: string): string {
  const listed = (attributes['ids'] ?? attributes['include'] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const ids = listed.length > 0 ? listed : (context.attachedTo?.(postId) ?? []);
  const pictures = ids
    .map((id) => context.attachment(id))
    .filter((found) => found !== undefined)
    .map(
      (found) =>
        `<figure><img src="${escapeAttribute(found.url)}" alt="${escapeAttribute(found.alt)}">${found.caption ? `<figcaption>${escapeText(found.caption)}</figcaption>` : ''}</figure>`,
    );
  if (pictures.length === 0) return '';
  const columns = /^[1-9]$/.test(attributes['columns'] ?? '')
    ? ` data-columns="${attributes['columns']}"`
    : '';
  return `<figure class="wp-block-gallery"${columns}>${pictures.join('')}</figure>`;
}

/** The text with the shortcodes WordPress core defines turned into HTML, and the names of the others. */
export function expandShortcodes(
  text: string,
  context: ShortcodeContext,
  postId = '',
): { html: string; unknown: string[] } {
  const unknown = new Set<string>();
  const pattern = /\[(\[?)([a-zA-Z][\w-]*)(\s[^\]]*?)?(\/?)\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;
  const html = text.replace(
    pattern,
    (
      whole,
      openEscape: string,
      name: string,
      rawAttributes = '',
      _selfClose: string,
      inner = '',
      closeEscape: string,
    ) => {
      // `[[caption]]` is WordPress's way to print a shortcode literally.
      if (openEscape && closeEscape) return whole.slice(1, -1);
      const tag = name.toLowerCase();
      const attributes = parseAttributes(rawAttributes as string);
      if (!HANDLED.has(tag)) {
        unknown.add(tag);
        return whole;
      }
      if (tag === 'caption' || tag === 'wp_caption') return caption(attributes, inner as string);
      if (tag === 'embed') return link(((inner as string) || attributes['src'] || '').trim());
      if (tag === 'video' || tag === 'audio') {
        const source = attributes['src'] ?? attributes['mp4'] ?? attributes['mp3'] ?? attributes['ogg'] ?? '';
        return source ? link(source) : '';
      }
      return gallery(attributes, context, postId);
    },
  );
  return { html, unknown: [...unknown] };
}
