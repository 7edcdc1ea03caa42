/**
 * The site's icon, drawn from its name: the first letter on the accent colour. Browsers ask every site
 * for an icon (a missing one is a console error), so the theme publishes it as `/favicon.svg`, one file
 * a browser caches, rather than inline in every page (330 bytes a page).
 */
import { escapeXml } from '../escape.ts';

/** The colour behind the letter: the theme's default accent. */
export const FAVICON_BACKGROUND = '#a3131b';

/**
 * The icon as an SVG document.
 * @example faviconSvg('خبر').includes('>خ</text>') // true
 */
export function faviconSvg(siteTitle: string): string {
  // The first letter as a reader sees it (a grapheme: with its marks, if it has any).
  const first = new Intl.Segmenter().segment(siteTitle.trim())[Symbol.iterator]().next();
  const initial = first.done ? '' : first.value.segment;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${FAVICON_BACKGROUND}"/>` +
    `<text x="16" y="23" font-size="20" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff">${escapeXml(initial)}</text></svg>`
  );
}
