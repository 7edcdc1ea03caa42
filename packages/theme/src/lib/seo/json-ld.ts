/**
 * schema.org structured data (JSON-LD) for news pages, built from plain data. Every URL passed in must
 * already be absolute and encoded (the theme's `articleUrl`/`sectionUrl`… through `absoluteUrl`), so a
 * slug is written the same way here as in the canonical link, the feeds and the sitemaps; the article's
 * own identifiers are then written as IRIs (`iri`), which name the same URL.
 */
import type { Crumb } from '../newsroom/breadcrumbs.ts';
import { iri } from '../urls.ts';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

export interface ImageRef {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
}

export interface PublisherInput {
  name: string;
  /** The home page, absolute. */
  url: string;
  logo?: ImageRef | undefined;
  /** Profiles of the newsroom (`sameAs`). */
  sameAs?: readonly string[] | undefined;
}

/**
 * The newsroom as a `NewsMediaOrganization`.
 * @example publisherJsonLd({ name: 'خبر', url: 'https://khabar.example/' })['@type'] // 'NewsMediaOrganization'
 */
export function publisherJsonLd(input: PublisherInput): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${input.url}#publisher`,
    name: input.name,
    url: input.url,
    ...(input.logo && { logo: imageObject(input.logo) }),
    ...(input.sameAs?.length && { sameAs: [...input.sameAs] }),
  };
}

function imageObject(image: ImageRef): JsonLd {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width && { width: image.width }),
    ...(image.height && { height: image.height }),
  };
}

export interface NewsArticleInput {
  /** The article's canonical URL, absolute. */
  url: string;
  headline: string;
  /** Pictures of the story, ideally cropped to 16:9, 4:3 and 1:1 (Google's recommendation). */
  images: readonly ImageRef[];
  /** ISO 8601 with the newsroom's offset. */
  published: string;
  modified?: string | undefined;
  authors: readonly { name: string; url?: string | undefined }[];
  publisher: PublisherInput;
  /** BCP 47, e.g. `ar-SY`. */
  inLanguage: string;
  section?: string | undefined;
  keywords?: readonly string[] | undefined;
  /** The schema.org type (`lib/newsroom/kinds.ts`'s `jsonLdType`): `NewsArticle` when absent. */
  type?: string | undefined;
  /** Dated corrections, as `CorrectionComment`s. */
  corrections?: readonly { date: string; text: string }[] | undefined;
  /** Live coverage (`LiveBlogPosting`): when it started and ended, and its updates, newest first. */
  live?: LiveCoverageInput | undefined;
}

export interface LiveCoverageInput {
  /** ISO 8601 with the newsroom's offset. */
  start: string;
  end?: string | undefined;
  updates: readonly LiveUpdateRef[];
}

export interface LiveUpdateRef {
  /** The update's anchor on the story's page, absolute. */
  url: string;
  headline?: string | undefined;
  /** The update's text, plain. */
  text: string;
  /** ISO 8601 with the newsroom's offset. */
  published: string;
  author?: { name: string; url?: string | undefined } | undefined;
}

function person(author: { name: string; url?: string | undefined }): JsonLd {
  return { '@type': 'Person', name: author.name, ...(author.url && { url: author.url }) };
}

/**
 * A `NewsArticle` for Google's article rich results. The page's URL is written twice, as the node's
 * `@id` (with `#article`) and its `url`, both in their IRI form (an Arabic slug in two bytes a letter,
 * not six; JSON-LD's identifiers are IRIs): a `mainEntityOfPage` naming the same page again added
 * nothing Google's article markup reads. No `description`: the page's meta description and
 * `og:description` already carry it, and Google's article markup does not read it. The pictures' URLs
 * are IRIs too (a card's file is named after its Arabic slug). The publisher is named and linked; its
 * logo and profiles (`sameAs`) are left to the home page's `WebSite`, which describes the same node
 * (`@id`): Google's article markup reads neither, and the two were 0.2 kB of every article page.
 * @example newsArticleJsonLd({ url, headline, images: [], published: '2016-12-01T14:20:00+02:00', authors: [], publisher, inLanguage: 'ar-SY' })
 */
export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': input.type ?? 'NewsArticle',
    '@id': `${iri(input.url)}#article`,
    url: iri(input.url),
    headline: input.headline,
    ...(input.images.length > 0 && {
      image: input.images.map((image) => imageObject({ ...image, url: iri(image.url) })),
    }),
    datePublished: input.published,
    dateModified: input.modified ?? input.published,
    author: input.authors.map(person),
    publisher: publisherJsonLd({ ...input.publisher, logo: undefined, sameAs: undefined }),
    inLanguage: input.inLanguage,
    ...(input.section && { articleSection: input.section }),
    ...(input.keywords?.length && { keywords: [...input.keywords] }),
    isAccessibleForFree: true,
    ...(input.corrections?.length && {
      correction: input.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        text: correction.text,
        datePublished: correction.date,
      })),
    }),
    ...(input.live && {
      coverageStartTime: input.live.start,
      ...(input.live.end && { coverageEndTime: input.live.end }),
      liveBlogUpdate: input.live.updates.map((update) => ({
        '@type': 'BlogPosting',
        '@id': update.url,
        url: update.url,
        ...(update.headline && { headline: update.headline }),
        articleBody: update.text,
        datePublished: update.published,
        ...(update.author && { author: person(update.author) }),
      })),
    }),
  };
}

/**
 * A `BreadcrumbList` from `breadcrumbs()`; paths become absolute URLs on `site`. The last crumb, the
 * page itself, has no `item`: Google takes the page's own URL for it, so the page need not spell its
 * (percent-encoded) address once more.
 * @example breadcrumbListJsonLd([{ name: 'الرئيسية', url: '/' }], 'https://khabar.example')
 */
export function breadcrumbListJsonLd(crumbs: readonly Crumb[], site: string | URL): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      ...(index < crumbs.length - 1 && { item: new URL(crumb.url, site).href }),
    })),
  };
}

export interface WebSiteInput {
  name: string;
  /** The home page, absolute. */
  url: string;
  description?: string | undefined;
  inLanguage: string;
  /**
   * The search page with `{search_term_string}` where the query goes, absolute, once the site has
   * search: e.g. `https://khabar.example/search/?q={search_term_string}`.
   */
  searchUrl?: string | undefined;
  publisher?: PublisherInput | undefined;
}

/**
 * The `WebSite`, with a `SearchAction` when the site has a search page.
 * @example webSiteJsonLd({ name: 'خبر', url: 'https://khabar.example/', inLanguage: 'ar-SY' })
 */
export function webSiteJsonLd(input: WebSiteInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${input.url}#website`,
    name: input.name,
    url: input.url,
    ...(input.description && { description: input.description }),
    inLanguage: input.inLanguage,
    ...(input.publisher && { publisher: publisherJsonLd(input.publisher) }),
    ...(input.searchUrl && {
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: input.searchUrl },
        'query-input': 'required name=search_term_string',
      },
    }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so no headline can close
 * the script element; line and paragraph separators escaped for old parsers. This is JSON's own
 * escaping (`\u003c` is still `<` to a JSON reader), not HTML's: `lib/escape.ts` would corrupt the data.
 * @example serializeJsonLd({ headline: '</script>' }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
