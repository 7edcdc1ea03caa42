import type { APIRoute, GetStaticPaths } from 'astro';
import { getAllAuthors, getIndexes } from '../runtime/articles.ts';
import { entryVersion } from '../lib/cache-key.ts';
import { feedKey } from '../runtime/cache-keys.ts';
import { inEditionOfPattern } from '../runtime/edition.ts';
import { feedResponse } from '../runtime/feeds.ts';
import { config, t } from '../runtime/site.ts';

/** `/authors/{author}/rss.xml`: one feed per author (in another edition, per author who wrote in it). */
export const authorFeedPaths = ((options?: { routePattern?: string }) =>
  inEditionOfPattern(options?.routePattern, async () => {
    const { byAuthor } = await getIndexes();
    const authors = (await getAllAuthors()).filter(
      (author) => config.edition === undefined || byAuthor.has(author.id),
    );
    return Promise.all(
      authors.map(async (author) => {
        const articles = byAuthor.get(author.id) ?? [];
        return {
          params: { author: author.id },
          props: { author, articles },
          cacheKey: await feedKey(articles, entryVersion(author)),
        };
      }),
    );
  })) satisfies GetStaticPaths;

/** Astro's name for it: the pages this route builds ahead. */
export const getStaticPaths = authorFeedPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props: { author, articles } }) =>
  feedResponse({
    title: t('feed.authorTitle', { author: author.data.name, site: config.title }),
    description: t('feed.authorDescription', { author: author.data.name, site: config.title }),
    feed: { author: author.id },
    articles,
  });
