import type { APIRoute } from 'astro';
import { getArticles } from '../runtime/articles.ts';
import { feedResponse } from '../runtime/feeds.ts';
import { config } from '../runtime/site.ts';

/** `/rss.xml`: the latest stories of the whole site. */
export const GET: APIRoute = async () =>
  feedResponse({
    title: config.title,
    description: config.tagline ?? config.title,
    feed: { site: true },
    articles: await getArticles(),
  });
