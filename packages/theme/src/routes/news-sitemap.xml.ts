import type { APIRoute } from 'astro';
import {
  newsLanguage,
  newsSitemapItems,
  recentArticles,
  renderNewsSitemap,
  type NewsEntry,
} from '../lib/seo/sitemap.ts';
import { articleUrl, getArticles } from '../runtime/articles.ts';
import { now } from '../runtime/clock.ts';
import { EDITIONS, inEdition } from '../runtime/edition.ts';
import { config, datetime } from '../runtime/site.ts';
import { abs, homeUrl } from '../runtime/seo.ts';

/** A recent story of an edition, as the news sitemap lists it. */
interface EditionNews {
  entry: NewsEntry;
  date: Date;
  name: string;
  language: string;
}

/**
 * The recent stories of the edition being rendered (`inEdition`), each with the edition's publication:
 * its name (the `seo.newsSitemap.name` option names the main edition) and its language.
 */
async function editionNews(hours: number, limit: number, name: string | undefined): Promise<EditionNews[]> {
  const recent = recentArticles(
    await getArticles(),
    (article) => article.data.published,
    now(),
    hours,
    limit,
  );
  const publication = {
    name: (config.edition === undefined && name) || config.title,
    language: newsLanguage(config.locale),
  };
  return recent.map((article) => ({
    entry: {
      url: abs(articleUrl(article)),
      title: article.data.title,
      published: datetime(article.data.published),
      keywords: article.data.tags,
    },
    date: article.data.published,
    ...publication,
  }));
}

/**
 * `/news-sitemap.xml`: Google News sitemap of the stories published in the hours before the build, of
 * every edition, each under its edition's publication name and `<news:language>`, newest first.
 */
export const GET: APIRoute = async () => {
  const options = config.seo.newsSitemap;
  const news = options
    ? (
        await Promise.all(
          EDITIONS.map((of) =>
            inEdition(of.key, () => editionNews(options.hours, options.limit, options.name)),
          ),
        )
      ).flat()
    : [];
  // The limit is the file's: the newest stories of all the editions.
  const listed = options
    ? recentArticles(news, (item) => item.date, now(), options.hours, options.limit)
    : [];
  const items = listed.flatMap((item) =>
    newsSitemapItems([item.entry], { name: item.name, language: item.language }),
  );
  return new Response(await renderNewsSitemap(items, homeUrl()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
