import type { APIRoute } from 'astro';
import { sitemapFacts } from '../lib/seo/sitemap.ts';
import { articleUrl, authorUrl, getArticles, sectionUrl, tagUrl } from '../runtime/articles.ts';
import { abs, articleImages, homeUrl } from '../runtime/seo.ts';

/**
 * `/_khabar/sitemap-facts.json`: what the sitemap says of each page (`lastmod`, pictures), computed from
 * the stories during the build. The integration reads it in `astro:build:done`, hands it to
 * `@astrojs/sitemap`, and removes it from the site: it is never published.
 */
export const GET: APIRoute = async () => {
  const articles = await getArticles();
  const stories = await Promise.all(
    articles.map(async (article) => {
      const { data } = article;
      const { listed } = await articleImages(article);
      return {
        url: abs(articleUrl(article)),
        published: data.published,
        updated: data.updated,
        images: listed.map((image) => image.url),
        listedOn: [
          homeUrl,
          abs(sectionUrl(data.section)),
          ...data.tags.map((tag) => abs(tagUrl(tag))),
          ...data.authors.map((author) => abs(authorUrl(author.id))),
        ],
      };
    }),
  );
  return new Response(JSON.stringify(sitemapFacts(stories)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
