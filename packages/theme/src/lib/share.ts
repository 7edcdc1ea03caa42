/** Share links as plain URLs: no third-party script, nothing loads until the reader clicks. */

import { iri } from './urls.ts';

export const SHARE_NETWORKS = ['whatsapp', 'telegram', 'x', 'facebook', 'email'] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export interface ShareLink {
  network: ShareNetwork;
  href: string;
}

/** A letter, mark or digit outside ASCII: a URL may hold it as it is. */
const UNICODE_WORD = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * A query value, percent-encoded as `encodeURIComponent` does except for letters, marks and digits outside
 * ASCII, which stay as they are. A URL's query may hold them (WHATWG URL: they are URL code points), and
 * a browser percent-encodes them in UTF-8 when it follows the link, so the request is the same; in the
 * page an Arabic letter takes its two bytes of UTF-8 instead of six. Spaces, punctuation (Arabic's
 * included), bidi marks and `&=#+%` are still encoded.
 * @example queryValue('خبر عاجل & more') // 'خبر%20عاجل%20%26%20more'
 */
export function queryValue(text: string): string {
  let out = '';
  for (const char of text) out += UNICODE_WORD.test(char) ? char : encodeURIComponent(char);
  return out;
}

/** Characters a URL's query may hold as they are (RFC 3986 `pchar`), which a URL is full of. */
const QUERY_SAFE = /^[:/]$/;

/**
 * A URL as a query value of an `https:` link: `queryValue`, with `:` and `/` left as they are, since a
 * query may hold them (RFC 3986) and every parser reads them back as written — some 12 bytes a link.
 * A `mailto:` link's fields may not hold `/` (RFC 6068), so the email's body keeps `queryValue`.
 * @example urlInQuery('https://news.example/a/') // 'https://news.example/a/'
 */
export function urlInQuery(url: string): string {
  let out = '';
  for (const char of url) out += QUERY_SAFE.test(char) ? char : queryValue(char);
  return out;
}

/**
 * The share URL of each network for a page. The page's URL goes into each one in its IRI form, with
 * `queryValue`: the network reads back a URL every parser takes for the canonical one, and an Arabic slug
 * costs two bytes a letter in the page instead of ten (percent-encoded twice, `%25D8%25AE`). WhatsApp,
 * Telegram and X get the address alone: each draws the link's preview from the page's Open Graph tags,
 * headline and picture included, so the headline in the link too was some 100 bytes a network of every
 * article page for text the preview shows anyway. An email has no preview: its subject is the headline.
 * @example shareLinks('https://news.example/a/', 'خبر')[0] // { network: 'whatsapp', href: 'https://wa.me/?text=https://news.example/a/' }
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  const page = iri(url);
  const u = urlInQuery(page);
  const hrefs: Record<ShareNetwork, string> = {
    whatsapp: `https://wa.me/?text=${u}`,
    telegram: `https://t.me/share/url?url=${u}`,
    x: `https://x.com/intent/post?url=${u}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    // The subject carries the headline; the body is the address alone, not the headline again.
    email: `mailto:?subject=${queryValue(title)}&body=${queryValue(page)}`,
  };
  return SHARE_NETWORKS.map((network) => ({ network, href: hrefs[network] }));
}
