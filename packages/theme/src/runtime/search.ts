/**
 * Hands the articles to the search index while the build renders their pages (see
 * `integrations/search-index.ts`): the parts are planned from every story's month, then each story's
 * record is computed from its content (`storyHtml`: the rendered Markdown, or the Markdown file of a
 * story kept without its body) with the date, section and byline as its page prints them, a batch at a
 * time, as fast as Pagefind takes them.
 */
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import { zonedDateParts } from '../lib/newsroom/stories.ts';
import { searchRecord } from '../lib/search/record.ts';
import { articleUrl, getAuthors, getSection, type Article } from './articles.ts';
import { config, formatDate } from './site.ts';
import { storyHtml } from './story-body.ts';

/** Stories handed over per batch: Pagefind reads one while the next is described. */
const BATCH = 200;

/** The month of a story in the newsroom's time zone, as the archive files it: "2016-12". */
function storyMonth(article: Article): string {
  const { year, month } = zonedDateParts(article.data.published, config.timeZone);
  return `${year}-${month}`;
}

/** The story's record for the index, from its body's HTML. */
async function storyRecord(article: Article, html: string): Promise<IndexStory['record']> {
  const { data } = article;
  return searchRecord({
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
  });
}

/**
 * Hands every article to the search index, part by part and in batches, yielding between batches so
 * page rendering goes on. Does nothing outside a build with search on. Articles without a body to read
 * (MDX) are left for the index to read from their built pages. A story that cannot be described stops
 * the index with its file named: the build then fails with that message, also for a story that has no
 * page in the build.
 */
export async function indexAlongsideBuild(articles: readonly Article[]): Promise<void> {
  const handoff = (globalThis as Record<symbol, SearchHandoff | undefined>)[SEARCH_HANDOFF];
  if (!handoff || !config.search) return;
  // Take it, so that a second call (getStaticPaths run twice) cannot index the stories twice.
  Reflect.deleteProperty(globalThis, SEARCH_HANDOFF);
  let stopped: unknown;
  try {
    for (const part of handoff.plan(articles.map(storyMonth))) {
      const fromPages: string[] = [];
      const end = part.start + part.count;
      for (let i = part.start; i < end; i += BATCH) {
        const stories: IndexStory[] = [];
        for (const article of articles.slice(i, Math.min(i + BATCH, end))) {
          const url = articleUrl(article);
          try {
            const html = await storyHtml(article);
            if (html === undefined) fromPages.push(url);
            else stories.push({ url, record: await storyRecord(article, html) });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${article.filePath ?? article.id}: ${message}`, { cause: error });
          }
        }
        await handoff.add(part.id, stories);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await handoff.end(part.id, fromPages);
    }
  } catch (error) {
    stopped = error;
    throw error;
  } finally {
    handoff.done(stopped);
  }
}
