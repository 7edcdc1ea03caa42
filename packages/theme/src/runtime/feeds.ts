/** Builds a feed response with `@astrojs/rss` from a list of stories. */
import rss from '@astrojs/rss';
import { channelCustomData, FEED_XMLNS, latestChange } from '../lib/seo/feeds.ts';
import type { Article } from './articles.ts';
import { now } from './clock.ts';
import { config } from './site.ts';
import { PATHS } from '../lib/routes.ts';
import type { FeedOf } from '../lib/urls.ts';
import { articleFeedItem, build, feedUrl, homeUrl, languageTag, publisher, siteFilePath } from './seo.ts';

export interface FeedInput {
  title: string;
  description: string;
  /** Whose feed it is. */
  feed: FeedOf;
  /** Stories, newest first; the feed takes the first `seo.feeds.items`. */
  articles: readonly Article[];
}

/** An RSS 2.0 response: channel with language, self link, logo and last build date; full items. */
export async function feedResponse({ title, description, feed, articles }: FeedInput): Promise<Response> {
  const items = await Promise.all(articles.slice(0, config.seo.feeds.items).map(articleFeedItem));
  const { logo } = await publisher();
  const response = await rss({
    title,
    description,
    site: homeUrl(),
    items: items.map(({ item }) => item),
    xmlns: { ...FEED_XMLNS },
    stylesheet: siteFilePath(PATHS.feedStylesheet),
    customData: channelCustomData({
      language: languageTag(),
      selfUrl: feedUrl(feed),
      lastBuildDate: latestChange(
        items.map(({ input }) => input),
        now(),
      ),
      image: logo ? { url: logo.url, title, link: homeUrl() } : undefined,
      generator: `Khabar ${build.themeVersion}`,
      ttl: 15,
    }),
  });
  return new Response(await response.text(), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
