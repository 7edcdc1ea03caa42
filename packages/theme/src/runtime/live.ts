/**
 * Live coverage and story kinds, as the article page, its JSON-LD and the live JSON file need them: the
 * updates of a live story (the optional `updates` collection), whether it is still live, and the time
 * each update is printed with. The decisions are in `lib/newsroom/kinds.ts`.
 */
import { getEntries } from 'astro:content';
import type { UpdateData } from '../config/update.ts';
import { formatTime as formatTimeWith } from '../lib/format/index.ts';
import { htmlText } from '../lib/html/text.ts';
import { isLive, liveUpdates, updateAnchor, updateProblems, updateStoryId } from '../lib/newsroom/kinds.ts';
import type { LiveCoverageInput } from '../lib/seo/json-ld.ts';
import { absoluteUrl, filePathUnder } from '../lib/urls.ts';
import { PATHS } from '../lib/routes.ts';
import { articleUrl, authorUrl, getAllStories, type Article, type Author } from './articles.ts';
import { now } from './clock.ts';
import { optionalCollection } from './collections.ts';
import { config, datetime } from './site.ts';
import { missingAuthorProblem } from '../lib/content-file.ts';
import { userError } from '../lib/user-error.ts';

/** A live update entry, as `getCollection('updates')` returns it. */
export interface LiveUpdate {
  id: string;
  collection: 'updates';
  data: UpdateData;
  filePath?: string | undefined;
  digest?: string | undefined;
  rendered?: { html: string } | undefined;
}

/** An update as a page, the JSON-LD and the JSON file show it. */
export interface ShownUpdate {
  update: LiveUpdate;
  /** The fragment of its anchor (`update-1420`). */
  anchor: string;
  /** Its hour in the newsroom's zone, in the site's digits («١٤:٢٠»). */
  timeText: string;
  /** The instant with the newsroom's offset, for `<time datetime>`. */
  datetime: string;
  html: string;
  author: Author | undefined;
}

let byStory: Promise<Map<string, LiveUpdate[]>> | undefined;

/** Every update, by story id. An update for no story, or for a story that is not live, fails the build. */
function updatesByStory(): Promise<Map<string, LiveUpdate[]>> {
  byStory ??= (async () => {
    const [updates, stories] = await Promise.all([
      optionalCollection<LiveUpdate>('updates'),
      getAllStories(),
    ]);
    const problems = updateProblems(updates, new Map(stories.map((story) => [story.id, story.data])));
    if (problems.length > 0) throw userError(problems.join('\n'));
    const grouped = new Map<string, LiveUpdate[]>();
    for (const update of updates) {
      const id = updateStoryId(update.id);
      grouped.set(id, [...(grouped.get(id) ?? []), update]);
    }
    return grouped;
  })();
  return byStory;
}

/**
 * When a story last changed: its `updated`, or for live coverage its newest update shown now, whichever
 * is later (`undefined` when neither: the story is as published). The page's `dateModified` and
 * `article:modified_time`, the sitemap's `lastmod` and the feed's `atom:updated` all say this.
 */
export async function storyModified(article: Article): Promise<Date | undefined> {
  const { updated, kind } = article.data;
  const newest =
    kind === 'live'
      ? liveUpdates((await updatesByStory()).get(article.id) ?? [], now())[0]?.data.time
      : undefined;
  if (!newest) return updated;
  return updated && updated.getTime() > newest.getTime() ? updated : newest;
}

/** An update's hour in the newsroom's zone and the site's digits. */
export function formatTime(instant: Date): string {
  return formatTimeWith(instant, { locale: config.locale, digits: config.digits, timeZone: config.timeZone });
}

/** Whether a story is live coverage still going at "now". */
export function storyIsLive(article: Article): boolean {
  return article.data.kind === 'live' && isLive(article.data, now());
}

/** The updates of a live story a reader sees now, newest first (none for any other story). */
export async function storyUpdates(article: Article): Promise<ShownUpdate[]> {
  if (article.data.kind !== 'live') return [];
  const updates = liveUpdates((await updatesByStory()).get(article.id) ?? [], now());
  const refs = updates.map((update) => update.data.author);
  const authors = (await getEntries(refs.filter((ref) => ref !== undefined))) as (Author | undefined)[];
  let next = 0;
  return updates.map((update) => {
    const ref = update.data.author;
    const author = ref ? authors[next++] : undefined;
    if (ref && !author) {
      throw userError(missingAuthorProblem(update.filePath ?? update.id, ref.id, 'author'));
    }
    return {
      update,
      anchor: updateAnchor(update.id),
      timeText: formatTime(update.data.time),
      datetime: datetime(update.data.time),
      html: update.rendered?.html ?? '',
      author,
    };
  });
}

/** The encoded path of a live story's JSON file of updates (`/live/<story id>.json`). */
export function liveFilePath(article: Article): string {
  return filePathUnder(config.siteBase, `${PATHS.live}/${article.id}.json`);
}

/** The most a `liveBlogUpdate`'s headline holds when it is taken from the update's text. */
const HEADLINE_LENGTH = 110;

/** The live coverage of a story for its `LiveBlogPosting`: start, end and updates. */
export function liveCoverage(article: Article, updates: readonly ShownUpdate[]): LiveCoverageInput {
  const page = absoluteUrl(config.site, articleUrl(article));
  const { coverageEnded } = article.data;
  return {
    start: datetime(article.data.published),
    end: coverageEnded && coverageEnded.getTime() <= now().getTime() ? datetime(coverageEnded) : undefined,
    updates: updates.map((shown) => {
      const text = htmlText(shown.html);
      return {
        url: `${page}#${shown.anchor}`,
        // Google reads a headline for every update: the update's own, else the start of its text.
        headline: shown.update.data.title ?? shortened(text, HEADLINE_LENGTH),
        text,
        published: shown.datetime,
        author: shown.author && {
          name: shown.author.data.name,
          url: absoluteUrl(config.site, authorUrl(shown.author.id)),
        },
      };
    }),
  };
}

/** A text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
