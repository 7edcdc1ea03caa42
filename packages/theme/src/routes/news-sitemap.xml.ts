import type { APIRoute } from 'astro';
import { newsLanguage, newsSitemapItems, recentArticles, renderNewsSitemap } from '../lib/seo/sitemap.ts';
import { articleUrl, getArticles } from '../runtime/articles.ts';
import { now } from '../runtime/clock.ts';
import { config, datetime } from '../runtime/site.ts';
import { abs, homeUrl } from '../runtime/seo.ts';

/** `/news-sitemap.xml`: Google News sitemap of the stories published in the hours before the build. */
export const GET: APIRoute = async () => {
  const options = config.seo.newsSitemap;
  const recent = options
    ? recentArticles(
        await getArticles(),
        (article) => article.data.published,
        now(),
        options.hours,
        options.limit,
      )
    : [];
  const items = newsSitemapItems(
    recent.map((article) => ({
      url: abs(articleUrl(article)),
      title: article.data.title,
      published: datetime(article.data.published),
      keywords: article.data.tags,
    })),
    { name: (options && options.name) || config.title, language: newsLanguage(config.locale) },
  );
  return new Response(await renderNewsSitemap(items, homeUrl()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
