import type { APIRoute } from 'astro';
import { numberedPages, pageUrl } from '../lib/newsroom/pagination.ts';
import { hreflangLinks } from '../lib/editions.ts';
import { sitemapFacts, type SitemapFacts, type SitemapFactsFile } from '../lib/seo/sitemap.ts';
import {
  articleUrl,
  authorUrl,
  getAllAuthors,
  getArticles,
  getIndexes,
  sectionUrl,
  tagUrl,
} from '../runtime/articles.ts';
import { archiveUrl, getArchive, opinionUrl } from '../runtime/newsroom.ts';
import { abs, articleImages, homeUrl } from '../runtime/seo.ts';
import { storyModified } from '../runtime/live.ts';
import { config } from '../runtime/site.ts';
import { getSitePages, sitePageUrl } from '../runtime/site-pages.ts';
import { EDITIONS, inEdition } from '../runtime/edition.ts';
import { homeVersions, sectionVersions, storyVersions, type PageVersion } from '../runtime/versions.ts';

/** Every page of a listing (the first, then the numbered ones), by its first page's URL and its number of stories. */
function listingPages(firstUrl: string, count: number): string[] {
  const total = numberedPages(count, config.perPage);
  return Array.from({ length: total + 1 }, (_, n) => abs(pageUrl(firstUrl, n)));
}

/**
 * Every page for readers the site has, built ahead or not: the sitemap lists the pages rendered on
 * request from here (`@astrojs/sitemap` sees only those built). Empty for a fully static site.
 */
async function everyPage(): Promise<string[]> {
  if (config.rendering.prerender === 'all') return [];
  const articles = await getArticles();
  const { bySection, byTag, byAuthor } = await getIndexes();
  const authors = await getAllAuthors();
  const archive = await getArchive();
  const sitePages = await getSitePages();
  return [
    homeUrl(),
    ...sitePages.map((page) => abs(sitePageUrl(page))),
    ...articles.map((article) => abs(articleUrl(article))),
    ...config.sections.flatMap((s) => listingPages(sectionUrl(s.slug), bySection.get(s.slug)?.length ?? 0)),
    ...[...byTag].flatMap(([tag, items]) => listingPages(tagUrl(tag), items.length)),
    ...authors.flatMap((a) => listingPages(authorUrl(a.id), byAuthor.get(a.id)?.length ?? 0)),
    abs(archiveUrl()),
    abs(opinionUrl()),
    ...archive.flatMap((year) => [
      abs(archiveUrl(year.year)),
      ...year.months.flatMap((month) =>
        listingPages(archiveUrl(month.year, month.month), month.items.length),
      ),
    ]),
  ];
}

/** Adds a page's `hreflang` links to its facts, when it has versions in other editions. */
function addLinks(facts: SitemapFacts, url: string, versions: readonly PageVersion[]): void {
  const links = hreflangLinks(versions);
  if (links.length > 0) facts[url] = { ...facts[url], links };
}

/** The facts and pages of the edition being worked out (`inEdition`). */
async function editionFacts(): Promise<SitemapFactsFile> {
  const articles = await getArticles();
  const versions = new Map<string, PageVersion[]>();
  const stories = await Promise.all(
    articles.map(async (article) => {
      const { data } = article;
      const { listed } = await articleImages(article);
      const url = abs(articleUrl(article));
      versions.set(url, await storyVersions(article));
      return {
        url,
        published: data.published,
        updated: await storyModified(article),
        images: listed.map((image) => image.url),
        listedOn: [
          homeUrl(),
          abs(sectionUrl(data.section)),
          ...data.tags.map((tag) => abs(tagUrl(tag))),
          ...data.authors.map((author) => abs(authorUrl(author.id))),
        ],
      };
    }),
  );
  // A site page's `lastmod` is its `updated` date, when it has one.
  const pageFacts = (await getSitePages()).flatMap((page) =>
    page.data.updated
      ? [[abs(sitePageUrl(page)), { lastmod: page.data.updated.toISOString() }] as const]
      : [],
  );
  const facts: SitemapFacts = { ...sitemapFacts(stories), ...Object.fromEntries(pageFacts) };
  for (const [url, own] of versions) addLinks(facts, url, own);
  addLinks(facts, homeUrl(), homeVersions());
  for (const section of config.sections) {
    addLinks(facts, abs(sectionUrl(section.slug)), sectionVersions(section.slug));
  }
  return { facts, pages: await everyPage() };
}

/**
 * `/_khabar/sitemap-facts.json`: what the sitemap says of each page (`lastmod`, pictures, its versions in
 * the site's other editions), computed from the stories of every edition during the build, and the pages
 * rendered on request it must list too. The integration reads it in `astro:build:done`, hands it to
 * `@astrojs/sitemap`, and removes it from the site: it is never published.
 */
export const GET: APIRoute = async () => {
  const editions = await Promise.all(EDITIONS.map((edition) => inEdition(edition.key, editionFacts)));
  const body: SitemapFactsFile = {
    facts: Object.assign({}, ...editions.map((edition) => edition.facts)) as SitemapFacts,
    pages: editions.flatMap((edition) => edition.pages),
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
