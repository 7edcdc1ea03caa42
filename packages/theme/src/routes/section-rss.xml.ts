import type { APIRoute, GetStaticPaths } from 'astro';
import { getIndexes } from '../runtime/articles.ts';
import { feedResponse } from '../runtime/feeds.ts';
import { config, t } from '../runtime/site.ts';

/** `/{section}/rss.xml`: one feed per section. */
export const sectionFeedPaths = (async () => {
  const { bySection } = await getIndexes();
  return config.sections.map((section) => ({
    params: { section: section.slug },
    props: { section, articles: bySection.get(section.slug) ?? [] },
  }));
}) satisfies GetStaticPaths;

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
