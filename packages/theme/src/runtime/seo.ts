/**
 * The SEO routes' and components' bindings to the site: publisher, article metadata, social cards and
 * feeds. The decisions are in `lib/seo` (feeds, social cards); this gathers their inputs.
 */
import { stat } from 'node:fs/promises';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import build from 'virtual:khabar/seo-build';
import logo from 'virtual:khabar/logo';
import { breadcrumbs } from '../lib/newsroom/breadcrumbs.ts';
import { feedItem, imageMimeType, type FeedArticle, type FeedImage } from '../lib/seo/feeds.ts';
import {
  articleMeta,
  breadcrumbListJsonLd,
  jsonLdCrops,
  cropSize,
  newsArticleJsonLd,
  type ImageRef,
  type JsonLd,
  type MetaTag,
  type PublisherInput,
} from '../lib/seo/index.ts';
import { PATHS } from '../lib/routes.ts';
import { absoluteUrl, cardFile, feedFile, filePathUnder, pagePath, type FeedOf } from '../lib/urls.ts';
import {
  articleUrl,
  authorUrl,
  getAuthors,
  getSection,
  leadPicture,
  type Article,
  type Author,
} from './articles.ts';
import { config, datetime, formatDate, t } from './site.ts';
import { socialCardSize } from './social-card.ts';
import { renderedFromFile, storyHtml } from './story-body.ts';
import { jsonLdType } from '../lib/newsroom/kinds.ts';
import { liveCoverage, storyModified, storyUpdates, type ShownUpdate } from './live.ts';

export { build };

/** An absolute URL on the site for an encoded path. */
export function abs(path: string): string {
  return absoluteUrl(config.site, path);
}

/** The edition's home page, absolute. */
export function homeUrl(): string {
  return abs(pagePath(config.base, '/'));
}

/** The language tag the edition's pages, feeds and JSON-LD declare (the locale without `-u-` extensions). */
export function languageTag(): string {
  return new Intl.Locale(config.locale).baseName;
}

/**
 * The encoded path of a file under the edition's base, e.g. `politics/rss.xml` → `/politics/rss.xml`
 * (`/en/politics/rss.xml` in the English edition).
 */
export function filePath(path: string): string {
  return filePathUnder(config.base, path);
}

/** The encoded path of one of the site's own files, shared by its editions (social cards, the logo). */
export function siteFilePath(path: string): string {
  return filePathUnder(config.siteBase, path);
}

/** The absolute URL of a feed: the site's, a section's or an author's. */
export function feedUrl(of: FeedOf): string {
  return abs(filePath(feedFile(of)));
}

/** The encoded path of an article's social card. */
export function cardPath(article: Article): string {
  return siteFilePath(cardFile(article.id));
}

/** Whether an article's `og:image` is its social card. */
export function usesCard(article: Article): boolean {
  const { use } = config.seo.socialCards;
  return use === 'always' || (use === 'fallback' && !leadPicture(article));
}

/** The path of the drawn publisher logo, used when the site configured no logo. */
export const PUBLISHER_LOGO_PATH = PATHS.publisherLogo;
export const PUBLISHER_LOGO_SIZE = 512;

/** The newsroom as an article names it: name and home (the logo and profiles are the home page's). */
function publisherNamed(): PublisherInput {
  return { name: config.title, url: homeUrl() };
}

/** The newsroom as a `NewsMediaOrganization`: name, home, logo and social profiles. */
export async function publisher(): Promise<PublisherInput> {
  let logoRef: ImageRef;
  // Search engines want a raster logo; an SVG one cannot be rasterised without Astro's opt-in, so a
  // site with an SVG logo gets the drawn one, as a site with no logo does.
  if (logo && logo.format !== 'svg') {
    const image = await getImage({ src: logo, width: Math.min(logo.width, 600), format: 'png' });
    logoRef = {
      url: abs(image.src),
      width: Number(image.attributes['width'] ?? logo.width),
      height: Number(image.attributes['height'] ?? logo.height),
    };
  } else {
    logoRef = {
      url: abs(siteFilePath(PUBLISHER_LOGO_PATH)),
      width: PUBLISHER_LOGO_SIZE,
      height: PUBLISHER_LOGO_SIZE,
    };
  }
  return {
    ...publisherNamed(),
    logo: logoRef,
    sameAs: Object.values(config.social).filter((url): url is string => Boolean(url)),
  };
}

/** What an article page puts in its head beyond the common tags. */
export interface ArticleSeo {
  /** The `og:image`: a 1200×630 crop of the photo, or the social card. */
  image: { src: string; alt: string; width: number; height: number } | undefined;
  meta: MetaTag[];
  jsonLd: JsonLd[];
}

async function crop(src: ImageMetadata, width: number, height: number) {
  const image = await getImage({ src, width, height, fit: 'cover', format: 'jpg' });
  return { url: abs(image.src), width, height };
}

/** A story's pictures: its `og:image`, and the crops (or the card) its JSON-LD and sitemap entry list. */
export interface ArticleImages {
  og: ArticleSeo['image'];
  listed: ImageRef[];
}

/**
 * The pictures of a story, from its entry: the page's JSON-LD and the sitemap both take them from here.
 * `getImage` is asked for the same crops each time, so both get the same files.
 */
export async function articleImages(article: Article): Promise<ArticleImages> {
  const { data } = article;
  const picture = leadPicture(article);
  let og: ArticleSeo['image'];
  let listed: ImageRef[] = [];
  if (picture && !usesCard(article)) {
    const size = cropSize(picture.src.width, picture.src.height, 1200, 630);
    const ogCrop = await crop(picture.src, size.width, size.height);
    og = { src: ogCrop.url, alt: picture.alt, width: size.width, height: size.height };
  }
  const photo = picture?.src;
  if (photo) {
    listed = await Promise.all(
      jsonLdCrops(photo.width, photo.height).map((size) => crop(photo, size.width, size.height)),
    );
  }
  if (usesCard(article)) {
    const card = { url: abs(cardPath(article)), width: 1200, height: 630 };
    og = { src: card.url, alt: data.title, width: card.width, height: card.height };
    if (listed.length === 0) listed = [card];
  }
  return { og, listed };
}

/**
 * Open Graph `article:*` tags and the JSON-LD of a story: its `NewsArticle` (or the type of its kind:
 * `LiveBlogPosting` with its updates, `OpinionNewsArticle`…), with its corrections, and its
 * `BreadcrumbList`.
 */
export async function articleSeo(
  article: Article,
  authors: Author[],
  updates: readonly ShownUpdate[] = [],
): Promise<ArticleSeo> {
  const { data } = article;
  const section = getSection(data.section);
  const url = abs(articleUrl(article));
  const published = datetime(data.published);
  // Live coverage changes with each update: the newest one is when the page last changed.
  const changed = await storyModified(article);
  const modified = changed ? datetime(changed) : undefined;
  const { og: image, listed: images } = await articleImages(article);

  const authorRefs = authors.map((author) => ({ name: author.data.name, url: abs(authorUrl(author.id)) }));
  const trail = breadcrumbs({
    base: config.base,
    homeName: t('nav.home'),
    section: { slug: section.slug, name: section.name },
    page: { name: data.title, url: articleUrl(article) },
  });
  return {
    image,
    meta: articleMeta({
      published,
      modified,
      section: section.name,
      authorUrls: authorRefs.map((author) => author.url),
    }),
    jsonLd: [
      newsArticleJsonLd({
        url,
        headline: data.title,
        images,
        published,
        modified,
        authors: authorRefs,
        publisher: publisherNamed(),
        inLanguage: languageTag(),
        section: section.name,
        keywords: data.tags,
        type: jsonLdType(data.kind),
        corrections: data.corrections.map((correction) => ({
          date: datetime(correction.date),
          text: correction.text,
        })),
        live: data.kind === 'live' ? liveCoverage(article, updates) : undefined,
      }),
      breadcrumbListJsonLd(trail, homeUrl()),
    ],
  };
}

let container: Promise<AstroContainer> | undefined;
let mdxContainer: Promise<AstroContainer> | undefined;
/**
 * An MDX story's `Content` is a JSX component, which a container renders only with MDX's renderer (the
 * site has @astrojs/mdx when it has MDX stories); a Markdown story needs none.
 */
const containerFor = (article: Article): Promise<AstroContainer> =>
  article.filePath?.endsWith('.mdx')
    ? (mdxContainer ??= loadRenderers([
        { name: 'astro:jsx', serverEntrypoint: '@astrojs/mdx/server.js' },
      ]).then((renderers) => AstroContainer.create({ renderers })))
    : (container ??= AstroContainer.create());
const htmlCache = new Map<string, Promise<string>>();

/** The article body as the page renders it (images included), for `content:encoded`. */
function articleHtml(article: Article): Promise<string> {
  let html = htmlCache.get(article.id);
  if (!html) {
    html = (async () => {
      // A Markdown story stored without its HTML (content.ts) is rendered from its file, as its page does.
      if (renderedFromFile(article)) return (await storyHtml(article)) ?? '';
      // `astro:content` is typed by the site's generated types, which the theme's own lint cannot see.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
      const { Content } = await render(article as Parameters<typeof render>[0]);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
      return (await containerFor(article)).renderToString(Content);
    })();
    htmlCache.set(article.id, html);
  }
  return html;
}

async function feedImage(article: Article): Promise<FeedImage | undefined> {
  const image = leadPicture(article);
  if (image) {
    // The original file, which the build publishes as it is: its size is the size of the source.
    const fsPath = (image.src as ImageMetadata & { fsPath?: string }).fsPath;
    if (fsPath) {
      const { size } = await stat(fsPath);
      return {
        url: abs(image.src.src),
        type: imageMimeType(image.src.format),
        length: size,
        width: image.src.width,
        height: image.src.height,
        alt: image.alt,
      };
    }
  }
  if (usesCard(article)) {
    return {
      url: abs(cardPath(article)),
      type: 'image/png',
      length: await socialCardSize(article),
      width: 1200,
      height: 630,
      alt: article.data.title,
    };
  }
  return undefined;
}

/** A live story's updates shown now, newest first, as its feed item's full text carries them. */
async function feedUpdates(article: Article): Promise<FeedArticle['updates']> {
  const page = abs(articleUrl(article));
  const items = (await storyUpdates(article)).map((shown) => ({
    url: `${page}#${shown.anchor}`,
    time: shown.timeText,
    datetime: shown.datetime,
    title: shown.update.data.title,
    html: shown.html,
  }));
  return { heading: t('live.updates'), items };
}

/** A story as an RSS item. */
export async function articleFeedItem(article: Article) {
  const { data } = article;
  const authors = await getAuthors(article);
  const input: FeedArticle = {
    title: data.title,
    url: abs(articleUrl(article)),
    description: data.description,
    published: data.published,
    updated: await storyModified(article),
    categories: [getSection(data.section).name, ...data.tags],
    authors: authors.map((author) => author.data.name),
    html: config.seo.feeds.fullContent ? await articleHtml(article) : undefined,
    htmlLimit: { chars: config.seo.feeds.fullContentLimit, readOn: t('feed.readOn', { site: config.title }) },
    image: await feedImage(article),
    corrections: {
      heading: t('corrections.title'),
      lines: data.corrections.map((correction) =>
        t('corrections.item', { date: formatDate(correction.date), text: correction.text }),
      ),
    },
    updates: data.kind === 'live' ? await feedUpdates(article) : undefined,
  };
  return { input, item: feedItem(input) };
}
