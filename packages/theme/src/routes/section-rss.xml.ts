import type { APIRoute, GetStaticPaths } from 'astro';
import { getIndexes } from '../runtime/articles.ts';
import { feedKey } from '../runtime/cache-keys.ts';
import { inEditionOfPattern } from '../runtime/edition.ts';
import { feedResponse } from '../runtime/feeds.ts';
import { config, t } from '../runtime/site.ts';

/** `/{section}/rss.xml`: one feed per section of the route's edition. */
export const sectionFeedPaths = ((options?: { routePattern?: string }) =>
  inEditionOfPattern(options?.routePattern, async () => {
    const { bySection } = await getIndexes();
    return Promise.all(
      config.sections.map(async (section) => {
        const articles = bySection.get(section.slug) ?? [];
        return {
          params: { section: section.slug },
          props: { section, articles },
          cacheKey: await feedKey(articles),
        };
      }),
    );
  })) satisfies GetStaticPaths;

/** Astro's name for it: the pages this route builds ahead. */
export const getStaticPaths = sectionFeedPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props: { section, articles } }) =>
  feedResponse({
    title: t('feed.sectionTitle', { section: section.name, site: config.title }),
    description:
      section.description ?? t('feed.sectionDescription', { section: section.name, site: config.title }),
    feed: { section: section.slug },
    articles,
  });
