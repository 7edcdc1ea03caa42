/**
 * Hands the articles to the search index while the build renders their pages (see
 * `integrations/search-index.ts`): the parts are planned from every story's month, then the stories are
 * sent a batch at a time, each with a key, and its record (computed from its content — `storyHtml`: the
 * rendered Markdown, or the Markdown file of a story kept without its body — with the date, section and
 * byline as its page prints them) only computed when the index needs it, as fast as Pagefind takes them.
 */
import markdown from 'virtual:khabar/markdown';
import { cacheKey } from '../lib/cache-key.ts';
import { searchHandoffKey, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import { zonedDateParts } from '../lib/newsroom/stories.ts';
import {
  searchRecord,
  type SearchRecord,
  type SearchSource,
  type SearchStory,
} from '../lib/search/record.ts';
import { articleUrl, getAuthors, getSection, type Article } from './articles.ts';
import { storyUpdates } from './live.ts';
import { config, formatDateTime } from './site.ts';
import { hasStoryHtml, renderedFromFile, storyFile, storyHtml, storySource } from './story-body.ts';

/**
 * Changes when what a record holds, or how it is computed from a story, changes (`lib/search/record.ts`),
 * so that parts indexed by an older theme are not taken from the cache.
 */
const RECORD_FORMAT = 'khabar-search-record/2';

/** Stories handed over per batch: Pagefind reads one while the next is described. */
const BATCH = 200;

/** The month of a story in the newsroom's time zone, as the archive files it: "2016-12". */
function storyMonth(article: Article): string {
  const { year, month } = zonedDateParts(article.data.published, config.timeZone);
  return `${year}-${month}`;
}

/**
 * What the record of a story is computed from, but its body: the section's name, the date as the page
 * prints it, the authors' names, a live story's updates shown now (with the version of each, for keys).
 */
async function searchFields(article: Article) {
  const { data } = article;
  const section = getSection(data.section).name;
  const date = formatDateTime(data.published);
  const authors = (await getAuthors(article)).map((author) => author.data.name);
  const updates = (await storyUpdates(article)).map(({ update, html }) => ({
    id: update.id,
    // An update without Astro's digest is keyed by what the record takes of it.
    version: update.digest ?? [update.data.title ?? '', html],
    title: update.data.title,
    html,
  }));
  const fields: Omit<SearchStory, 'html'> = {
    locale: config.locale,
    title: data.title,
    deck: data.deck,
    description: data.description,
    section,
    date,
    authors,
    caption: data.image?.caption,
    credit: data.image?.credit,
    // Only the words of each picture: plain data, which the server's index hands to its worker.
    gallery:
      data.kind === 'gallery'
        ? data.gallery?.map(({ alt, caption, credit }) => ({ alt, caption, credit }))
        : undefined,
    tags: [...data.tags],
    updates: updates.map(({ title, html }) => ({ title, html })),
  };
  return { fields, section, date, authors, updates };
}

/** A story as the search index reads it, its body rendered (empty for MDX, which renders with its page). */
export async function describeForSearch(article: Article): Promise<SearchStory> {
  const { fields } = await searchFields(article);
  return { ...fields, html: (await storyHtml(article)) ?? '' };
}

/**
 * The story for the index: its record's inputs that are not in its file are gathered now
 * (`searchFields`), and with Astro's digest of the file and of each update they make the story's key —
 * so a new or edited update, or one the clock has reached, changes the key of the part that holds the
 * story; the record itself (its body read, rendered and stemmed) is computed only if the index needs
 * it, when its part is not in the cache. The server's index takes the `source` instead, and renders the
 * body itself.
 */
async function indexStory(article: Article, url: string, sources: boolean): Promise<IndexStory> {
  const { fields, section, date, authors, updates } = await searchFields(article);
  const compute = async (): Promise<SearchRecord> =>
    searchRecord({ ...fields, html: (await storyHtml(article)) ?? '' });
  // The server's index reads and renders a Markdown file in its worker: only its path is sent.
  const source = async (): Promise<SearchSource> => {
    if (renderedFromFile(article)) {
      const file = storyFile(article);
      if (file !== undefined) return { ...fields, file, edition: config.edition };
      const markdown = await storySource(article);
      if (markdown !== undefined) return { ...fields, markdown, edition: config.edition };
    }
    return { ...fields, html: (await storyHtml(article)) ?? '' };
  };
  // The server's index is written anew in every build: no part is taken from a cache, so no key.
  if (sources) return { url, record: compute, source };
  // Without Astro's digest of the file, nothing says the body is unchanged: the record is its own key.
  if (article.digest === undefined) return { url, record: await compute(), source };
  const record = () =>
    compute().catch((error: unknown) => {
      throw describedError(article, error);
    });
  const key = cacheKey(
    RECORD_FORMAT,
    article.id,
    article.digest,
    url,
    config.locale,
    section,
    date,
    authors,
    updates.map(({ id, version }) => [id, version]),
    markdown,
  );
  return { url, key, record, source };
}

/** The error, with the story's file named. */
function describedError(article: Article, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${article.filePath ?? article.id}: ${message}`, { cause: error });
}

/**
 * Hands every article to the search index, part by part and in batches, yielding between batches so
 * page rendering goes on. Does nothing outside a build with search on. Articles without a body to read
 * (MDX) are left for the index to read from their built pages. A story that cannot be described stops
 * the index with its file named: the build then fails with that message, also for a story that has no
 * page in the build.
 */
export async function indexAlongsideBuild(articles: readonly Article[]): Promise<void> {
  // The edition's own index: the articles are the edition's (`getArticles`), and so is the route.
  const key = searchHandoffKey(config.edition);
  const handoff = (globalThis as Record<symbol, SearchHandoff | undefined>)[key];
  if (!handoff || !config.search) return;
  // Take it, so that a second call (getStaticPaths run twice) cannot index the stories twice.
  Reflect.deleteProperty(globalThis, key);
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
            if (hasStoryHtml(article) || handoff.sources) {
              stories.push(await indexStory(article, url, handoff.sources === true));
            } else fromPages.push(url);
          } catch (error) {
            throw describedError(article, error);
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
