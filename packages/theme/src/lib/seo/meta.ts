/**
 * Open Graph and Twitter values derived from the site's settings. Pure: components render the result.
 */

/**
 * The `og:locale` for a BCP 47 locale: `language_REGION`. A locale without a region gets `AR` for
 * Arabic (the value Facebook lists as "Arabic") and its own language code otherwise.
 * @example ogLocale('ar-SY') // 'ar_SY'
 * @example ogLocale('ar') // 'ar_AR'
 * @example ogLocale('ar-EG-u-nu-arab') // 'ar_EG'
 */
export function ogLocale(locale: string, override?: string): string {
  if (override) return override;
  const parsed = new Intl.Locale(locale);
  const region = parsed.region ?? (parsed.language === 'ar' ? 'AR' : parsed.language.toUpperCase());
  return `${parsed.language}_${region}`;
}

/**
 * The `@handle` of an X (Twitter) profile URL, for `twitter:site`.
 * @example twitterHandle('https://x.com/khabar_example') // '@khabar_example'
 */
export function twitterHandle(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { hostname, pathname } = new URL(url);
    if (!/(^|\.)(x|twitter)\.com$/.test(hostname)) return undefined;
    const name = pathname.split('/').find(Boolean);
    return name && /^\w{1,15}$/.test(name) ? `@${name}` : undefined;
  } catch {
    return undefined;
  }
}

/** One `<meta>`: Open Graph uses `property`, Twitter `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface ArticleMetaInput {
  /** The publication instant with the newsroom's offset (ISO 8601). */
  published: string;
  /** The last update, if any (ISO 8601 with offset). */
  modified?: string | undefined;
  /** The section's name as readers see it. */
  section: string;
  /** Absolute URLs of the authors' pages. */
  authorUrls: readonly string[];
}

/**
 * The `article:*` Open Graph tags of a story: when it was published, and changed if it was, its section
 * and its authors. No `article:tag`: no reader of Open Graph shows a story's tags, which the page links
 * to and its JSON-LD lists (`keywords`) for search engines; one tag was some 50 bytes of every page. An
 * unchanged story has no `article:modified_time` (the JSON-LD's `dateModified`, which Google reads, is
 * its publication then).
 * @example articleMeta({ published: '2016-12-01T14:20:00+02:00', section: 'سياسة', authorUrls: [] })
 */
export function articleMeta(input: ArticleMetaInput): MetaTag[] {
  const tags: MetaTag[] = [{ property: 'article:published_time', content: input.published }];
  if (input.modified) tags.push({ property: 'article:modified_time', content: input.modified });
  tags.push({ property: 'article:section', content: input.section });
  for (const url of input.authorUrls) tags.push({ property: 'article:author', content: url });
  return tags;
}

export interface TwitterInput {
  image?: { url: string; alt: string } | undefined;
  site?: string | undefined;
}

/**
 * The Twitter card tags. With a picture the card is `summary_large_image`. No `twitter:title`,
 * `twitter:description` or `twitter:image`: X reads `og:title`, `og:description` and `og:image` when
 * they are absent, and on an article the three repeated the headline, the description and the card's
 * address (0.7 kB) for nothing. The picture's alt text has no Open Graph fallback X reads, so it stays.
 * @example twitterMeta({ image: { url: 'https://…/card.png', alt: '…' } })[0] // { name: 'twitter:card', content: 'summary_large_image' }
 */
export function twitterMeta(input: TwitterInput): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' },
  ];
  if (input.site) tags.push({ name: 'twitter:site', content: input.site });
  if (input.image) tags.push({ name: 'twitter:image:alt', content: input.image.alt });
  return tags;
}
