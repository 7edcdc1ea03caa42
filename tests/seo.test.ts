/** Search-engine and social metadata of the built example: JSON-LD, Open Graph, Twitter, titles. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { builtFile, unresolved } from './helpers/built-urls.ts';
import { exampleArticles } from './helpers/feeds.ts';
import { publishedStories } from './helpers/newsroom.ts';
import { exampleDist } from './helpers/paths.ts';
import { schemaOrgProblems, type LabelledNode } from './helpers/schema-org.ts';
import { loadPage, SEED_PATH } from './helpers/site.ts';
import { STORY_JSON_LD_TYPES } from '../packages/theme/src/lib/newsroom/kinds.ts';

const SITE = 'https://khabar.example/';
const SEED_URL = new URL(SEED_PATH, SITE).href;
const HEADLINE = 'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD is untyped data

/** Every JSON-LD block of a page, parsed (throws on invalid JSON). */
function jsonLd(document: Document): Node[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
    JSON.parse(script.textContent),
  );
}
const meta = (document: Document, key: string) =>
  [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute('content'),
  );

/** What a strict JSON-LD consumer needs: a context, a type, and no relative or empty URLs. */
function assertValidJsonLd(node: Node) {
  expect(node['@context']).toBe('https://schema.org');
  expect(typeof node['@type']).toBe('string');
  const walk = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    } else if (['url', 'item', '@id', 'urlTemplate'].includes(key))
      expect(String(value)).toMatch(/^https:\/\//);
  };
  walk(node);
}

describe('the seed article', () => {
  it('has a title from the template, a description and a canonical link in the one encoded form', async () => {
    const { document } = await loadPage(SEED_PATH);
    expect(document.querySelector('title')?.textContent).toBe(`${HEADLINE} | خبر`);
    expect(meta(document, 'description')[0]).toMatch(/^أكد وزير الخارجية الروسي/);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(SEED_URL);
  });

  it('carries valid NewsArticle JSON-LD', async () => {
    const { document } = await loadPage(SEED_PATH);
    const article = jsonLd(document).find((node) => node['@type'] === 'NewsArticle')!;
    assertValidJsonLd(article);
    expect(article).toMatchObject({
      headline: HEADLINE,
      datePublished: '2016-12-01T14:20:00+02:00',
      dateModified: '2016-12-01T14:20:00+02:00',
      inLanguage: 'ar-SY',
      articleSection: 'سياسة',
      keywords: ['روسيا', 'سوريا', 'الولايات المتحدة', 'مكافحة الإرهاب'],
      author: [{ '@type': 'Person', name: 'قسم الأخبار', url: `${SITE}authors/news-desk/` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'خبر', url: SITE },
    });
    // The page's URL as an IRI (the slug's letters as they are), naming the canonical URL.
    expect(new URL(String(article['url'])).href).toBe(SEED_URL);
    expect(article['url']).toMatch(/روسيا-تطالب/);
    expect(article['@id']).toBe(`${String(article['url'])}#article`);
    // The description is the meta tags'; Google's article markup does not read one.
    expect(article).not.toHaveProperty('description');
    // Pictures in 16:9, 4:3 and 1:1, each a built file of exactly the size it declares.
    const images = article['image'] as { url: string; width: number; height: number }[];
    expect(images.map((i) => (i.width / i.height).toFixed(3))).toEqual([
      (16 / 9).toFixed(3),
      (4 / 3).toFixed(3),
      '1.000',
    ]);
    for (const image of images) {
      const file = builtFile(exampleDist, SITE, image.url)!;
      expect(file, image.url).toBeTruthy();
      const { width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([image.width, image.height]);
    }
    // The publisher named and linked; its logo is the home page's (below).
    expect(article['publisher']).toMatchObject({ '@id': `${SITE}#publisher`, name: 'خبر', url: SITE });
    expect(article['publisher']).not.toHaveProperty('logo');
    expect(unresolved(exampleDist, SITE, [article['author'][0].url, article['url']])).toEqual([]);
    // The page's address twice (`@id`, `url`), not a third time in a `mainEntityOfPage`.
    expect(article).not.toHaveProperty('mainEntityOfPage');
    expect(JSON.stringify(article).split(String(article['url'])).length - 1).toBe(2);
  });

  it('carries a BreadcrumbList home → section → article whose items are built pages', async () => {
    // The last crumb is the page itself: Google takes the page's URL for it, so it carries no `item`.
    const { document } = await loadPage(SEED_PATH);
    const list = jsonLd(document).find((node) => node['@type'] === 'BreadcrumbList')!;
    assertValidJsonLd(list);
    const items = list['itemListElement'] as { position: number; name: string; item: string }[];
    expect(items.map((i) => [i.position, i.name])).toEqual([
      [1, 'الرئيسية'],
      [2, 'سياسة'],
      [3, HEADLINE],
    ]);
    expect(items.map((i) => i.item)).toEqual([SITE, `${SITE}politics/`, undefined]);
    expect(unresolved(exampleDist, SITE, [...items.slice(0, -1).map((i) => i.item), SEED_URL])).toEqual([]);
  });

  it('carries Open Graph: type, URL, locale, a 1200×630 image, times, section and tags', async () => {
    const { document } = await loadPage(SEED_PATH);
    expect(meta(document, 'og:type')).toEqual(['article']);
    expect(meta(document, 'og:title')).toEqual([HEADLINE]);
    expect(meta(document, 'og:url')).toEqual([SEED_URL]);
    expect(meta(document, 'og:site_name')).toEqual(['خبر']);
    expect(meta(document, 'og:locale')).toEqual(['ar_SY']);
    expect(meta(document, 'article:published_time')).toEqual(['2016-12-01T14:20:00+02:00']);
    // Never changed: no modified time. The tags are the page's links and the JSON-LD's keywords.
    expect(meta(document, 'article:modified_time')).toEqual([]);
    expect(meta(document, 'article:section')).toEqual(['سياسة']);
    expect(meta(document, 'article:tag')).toEqual([]);
    expect(meta(document, 'article:author')).toEqual([`${SITE}authors/news-desk/`]);
    const [image] = meta(document, 'og:image');
    expect(meta(document, 'og:image:width')).toEqual(['1200']);
    expect(meta(document, 'og:image:height')).toEqual(['630']);
    expect(meta(document, 'og:image:alt')[0]).toMatch(/^رسم توضيحي/);
    const { width, height } = await sharp(builtFile(exampleDist, SITE, image!)).metadata();
    expect([width, height]).toEqual([1200, 630]);
  });

  it('carries a Twitter summary_large_image card with the site’s handle', async () => {
    const { document } = await loadPage(SEED_PATH);
    expect(meta(document, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(document, 'twitter:site')).toEqual(['@khabar_example']);
    // X falls back to og:image; the alt text has no Open Graph fallback X reads.
    expect(meta(document, 'twitter:image')).toEqual([]);
    expect(meta(document, 'twitter:image:alt')).toEqual(meta(document, 'og:image:alt'));
  });
});

describe('other pages', () => {
  it('a story without a photo uses its social card as og:image', async () => {
    const { document } = await loadPage('/politics/storm-schools-closed/');
    expect(meta(document, 'og:image')).toEqual([`${SITE}og/storm-schools-closed.png`]);
    const article = jsonLd(document).find((node) => node['@type'] === 'NewsArticle')!;
    expect(article['image']).toEqual([
      { '@type': 'ImageObject', url: `${SITE}og/storm-schools-closed.png`, width: 1200, height: 630 },
    ]);
  });

  it('the home page carries WebSite JSON-LD with the publisher', async () => {
    const { document } = await loadPage('/');
    const nodes = jsonLd(document);
    const website = nodes.find((node) => node['@type'] === 'WebSite')!;
    assertValidJsonLd(website);
    expect(website).toMatchObject({
      name: 'خبر',
      url: SITE,
      inLanguage: 'ar-SY',
      publisher: { '@type': 'NewsMediaOrganization', '@id': `${SITE}#publisher` },
    });
    const logo = website['publisher'].logo;
    expect(logo).toMatchObject({ '@type': 'ImageObject', width: 512, height: 512 });
    const logoFile = builtFile(exampleDist, SITE, logo.url)!;
    expect((await sharp(logoFile).metadata()).width).toBe(512);
    expect(document.querySelector('title')?.textContent).toBe('خبر');
    expect(meta(document, 'og:type')).toEqual(['website']);
    // Once the site has a search page, the WebSite offers Google its search box.
    if (builtFile(exampleDist, SITE, `${SITE}search/`)) {
      expect(website['potentialAction']).toMatchObject({
        '@type': 'SearchAction',
        target: { urlTemplate: `${SITE}search/?q={search_term_string}` },
      });
    }
  });

  it('section pages use the title template; the 404 page is noindex and out of the sitemap', async () => {
    expect((await loadPage('/economy/')).document.querySelector('title')?.textContent).toBe('اقتصاد | خبر');
    const notFound = (await loadPage('/404.html')).document;
    expect(meta(notFound, 'robots')).toEqual(['noindex']);
    expect(notFound.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('every JSON-LD block on every page in the sitemap parses, one story node per published story', async () => {
    const { readFile } = await import('node:fs/promises');
    const { XMLParser } = await import('fast-xml-parser');
    const sitemap = new XMLParser({ isArray: (name) => name === 'url' }).parse(
      await readFile(`${exampleDist}/sitemap-0.xml`, 'utf8'),
    );
    let articles = 0;
    const everyNode: LabelledNode[] = [];
    for (const { loc } of sitemap.urlset.url as { loc: string }[]) {
      const path = new URL(loc).pathname;
      const nodes = jsonLd((await loadPage(path)).document);
      nodes.forEach(assertValidJsonLd);
      everyNode.push(...nodes.map((node) => ({ label: decodeURI(path), node })));
      // A story's node is a NewsArticle or the type of its kind (LiveBlogPosting, OpinionNewsArticle…).
      if (nodes.some((node) => STORY_JSON_LD_TYPES.includes(node['@type']))) articles++;
    }
    // Every story of both editions (the Arabic one and /en/) is an article.
    const english = (await exampleArticles('en')).length;
    expect(english).toBeGreaterThan(0);
    expect(articles).toBe((await publishedStories()).length + english);
    // Every type is schema.org's and every property one its type has, nested nodes included.
    expect(await schemaOrgProblems(everyNode)).toEqual([]);
  });

  it('the schema.org check finds a property a type does not have and a type that does not exist', async () => {
    expect(
      await schemaOrgProblems([
        { label: 'a', node: { '@type': 'NewsArticle', headline: 'x', coverageStartTime: '2016-12-01' } },
        { label: 'b', node: { '@type': 'LiveBlogPosting', coverageStartTime: '2016-12-01' } },
        {
          label: 'c',
          node: { '@type': 'NewsArticle', correction: [{ '@type': 'CorrectionComment', txt: 'x' }] },
        },
        { label: 'd', node: { '@type': 'InterviewNewsArticle' } },
      ]),
    ).toEqual([
      'a (NewsArticle): "coverageStartTime" is not a property of NewsArticle',
      'c.correction[0] (CorrectionComment): "txt" is not a property of CorrectionComment',
      'd (InterviewNewsArticle): "InterviewNewsArticle" is not a schema.org type',
    ]);
  });
});
