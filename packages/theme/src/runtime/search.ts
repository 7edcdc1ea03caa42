/**
 * Hands the articles to the search index while the build renders their pages (see
 * `integrations/search-index.ts`): each story's record is computed from its entry (`searchRecord`), with
 * the date, section and byline as its page prints them.
 */
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import { searchRecord } from '../lib/search/record.ts';
import { articleUrl, getAuthors, getSection, type Article } from './articles.ts';
import { config, formatDate } from './site.ts';

/** Stories handed over per batch: Pagefind starts on the first while the next are described. */
const BATCH = 200;

/**
 * Hands every article to the search index, in batches, yielding between them so page rendering goes on.
 * Does nothing outside a build with search on. Articles without rendered Markdown (MDX) are left for the
 * index to read from their built pages.
 */
export async function indexAlongsideBuild(articles: readonly Article[]): Promise<void> {
  const handoff = (globalThis as Record<symbol, SearchHandoff | undefined>)[SEARCH_HANDOFF];
  if (!handoff || !config.search) return;
  // Take it, so that a second call (getStaticPaths run twice) cannot index the stories twice.
  Reflect.deleteProperty(globalThis, SEARCH_HANDOFF);
  const fromPages: string[] = [];
  try {
    for (let i = 0; i < articles.length; i += BATCH) {
      const stories: IndexStory[] = [];
      for (const article of articles.slice(i, i + BATCH)) {
        const url = articleUrl(article);
        const html = article.rendered?.html;
        if (html === undefined) {
          fromPages.push(url);
          continue;
        }
        const { data } = article;
        stories.push({
          url,
          record: searchRecord({
            locale: config.locale,
            title: data.title,
            deck: data.deck,
            description: data.description,
            section: getSection(data.section).name,
            date: formatDate(data.published),
            authors: (await getAuthors(article)).map((author) => author.data.name),
            caption: data.image?.caption,
            credit: data.image?.credit,
            tags: data.tags,
            html,
          }),
        });
      }
      handoff.add(stories);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    handoff.done(fromPages);
  }
}
