/**
 * Whether a Markdown story has pictures that Astro's content layer must process (local files it
 * optimises, or remote ones the site's `image.domains`/`image.remotePatterns` allow). Only those
 * stories need the content layer to render them and keep the HTML in its store; every other Markdown
 * story is rendered from its file by its page (`runtime/story-body.ts`), with the same result, and
 * keeps the store small (`content.ts`).
 *
 * This is a cheap, deliberately conservative scan, not a Markdown parser: it answers "yes" whenever a
 * picture might be one Astro processes (a reference-style image, a relative `<img>`), so a wrong
 * answer only costs store space, never a broken picture.
 */

/** A target Astro's Markdown pipeline leaves as it is: a URL with a scheme, `//host/…` or `/public/…`. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;
/** `![alt](target …)`, the target with or without `<…>`. */
const INLINE_IMAGE = /!\[(?:\\.|[^\\\]])*\]\(\s*(?:<([^>]*)>|([^\s)]*))/g;
/** `![alt][ref]`, `![alt][]` or `![ref]`: an image whose target is defined elsewhere. */
const REFERENCE_IMAGE = /!\[(?:\\.|[^\\\]])*\](?!\()/;
/** An HTML `<img>` and its `src`. */
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export interface ImageRules {
  /** Whether the site lets Astro process remote pictures (`image.domains` or `image.remotePatterns`). */
  remote: boolean;
}

/**
 * Whether the image settings in Astro's config let it process some remote pictures.
 * @example remoteImagesAllowed({ domains: ['example.com'] }) // true
 * @example remoteImagesAllowed({ domains: [], remotePatterns: [] }) // false
 */
export function remoteImagesAllowed(image: unknown): boolean {
  if (!image || typeof image !== 'object') return false;
  const { domains, remotePatterns } = image as { domains?: unknown; remotePatterns?: unknown };
  return (
    (Array.isArray(domains) && domains.length > 0) ||
    (Array.isArray(remotePatterns) && remotePatterns.length > 0)
  );
}

/**
 * Whether the Markdown has a picture Astro's content layer would process.
 * @example hasProcessedImages('![شعار](./logo.png)', { remote: false }) // true
 * @example hasProcessedImages('![شعار](https://example.com/logo.png)', { remote: false }) // false
 * @example hasProcessedImages('نص بلا صور', { remote: true }) // false
 */
export function hasProcessedImages(markdown: string | undefined, rules: ImageRules): boolean {
  if (!markdown) return false;
  const inline = markdown.includes('![');
  const html = /<img\b/i.test(markdown);
  if (!inline && !html) return false;
  if (rules.remote) return true;
  if (inline) {
    if (REFERENCE_IMAGE.test(markdown.replace(INLINE_IMAGE, ''))) return true;
    for (const match of markdown.matchAll(INLINE_IMAGE)) {
      const target = match[1] ?? match[2] ?? '';
      if (!ABSOLUTE.test(target)) return true;
    }
  }
  if (html) {
    for (const match of markdown.matchAll(HTML_IMAGE)) {
      const target = match[1] ?? match[2] ?? match[3] ?? '';
      if (!ABSOLUTE.test(target)) return true;
    }
  }
  return false;
}
