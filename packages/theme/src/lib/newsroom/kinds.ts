/**
 * Story kinds (`kind` in an article's frontmatter): what label a reader sees on each, which schema.org
 * type its structured data takes, and the state of live coverage. Plain data in, plain data out.
 */

/** The kinds a story can be, as the article schema lists them. */
export type StoryKind = 'news' | 'live' | 'opinion' | 'analysis' | 'explainer' | 'interview' | 'gallery';

/** The UI string of each kind's label; a plain news report carries none. */
export const KIND_LABELS = {
  live: 'live.live',
  opinion: 'kind.opinion',
  analysis: 'kind.analysis',
  explainer: 'kind.explainer',
  interview: 'kind.interview',
  gallery: 'kind.gallery',
} as const satisfies Record<Exclude<StoryKind, 'news'>, string>;

/**
 * The string id of a kind's label, or `undefined` for a news report.
 * @example kindLabel('opinion') // 'kind.opinion'
 */
export function kindLabel(kind: StoryKind): (typeof KIND_LABELS)[keyof typeof KIND_LABELS] | undefined {
  return kind === 'news' ? undefined : KIND_LABELS[kind];
}

/**
 * The schema.org type of a story's structured data. schema.org has a `NewsArticle` subtype for opinion
 * (`OpinionNewsArticle`), analysis (`AnalysisNewsArticle`) and background or explanation
 * (`BackgroundNewsArticle`), and `LiveBlogPosting` for live coverage; an interview and a photo gallery
 * are news articles of no narrower type.
 * @example jsonLdType('explainer') // 'BackgroundNewsArticle'
 */
export function jsonLdType(kind: StoryKind): string {
  switch (kind) {
    case 'live':
      return 'LiveBlogPosting';
    case 'opinion':
      return 'OpinionNewsArticle';
    case 'analysis':
      return 'AnalysisNewsArticle';
    case 'explainer':
      return 'BackgroundNewsArticle';
    default:
      return 'NewsArticle';
  }
}

/** Every type `jsonLdType` gives: what "a story's structured data" is, for pages and tests alike. */
export const STORY_JSON_LD_TYPES: readonly string[] = [
  'NewsArticle',
  'LiveBlogPosting',
  'OpinionNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
];

/**
 * Whether live coverage is still going at `now`: until its `coverageEnded` (none: until it is closed).
 * @example isLive({ coverageEnded: new Date('2016-12-01T23:00:00Z') }, new Date('2016-12-02T00:00:00Z')) // false
 */
export function isLive(story: { coverageEnded?: Date | undefined }, now: Date): boolean {
  return !story.coverageEnded || story.coverageEnded.getTime() > now.getTime();
}

/** One update of a live story, as `liveUpdates` orders it. */
export interface LiveUpdateInput {
  /** The entry id, e.g. `storm/1420` (the story's folder, then the file's name). */
  id: string;
  data: { time: Date };
}

/**
 * A story's updates a reader sees at `now`: those posted by then, newest first (ties: the later file
 * name first, so two updates of one minute keep the order they were written in).
 * @example liveUpdates(updates, new Date('2016-12-01T18:00:00+02:00')).map((u) => u.id)
 */
export function liveUpdates<T extends LiveUpdateInput>(updates: readonly T[], now: Date): T[] {
  return updates
    .filter((update) => update.data.time.getTime() <= now.getTime())
    .sort(
      (a, b) => b.data.time.getTime() - a.data.time.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
}

/**
 * The story an update belongs to: its folder under `updates/`, the story's id.
 * @example updateStoryId('storm-live/1420') // 'storm-live'
 */
export function updateStoryId(updateId: string): string {
  const slash = updateId.lastIndexOf('/');
  return slash === -1 ? '' : updateId.slice(0, slash);
}

/**
 * The fragment of an update's anchor on the story's page: `update-` and the file's name, so a link to
 * an update stays the same when later updates are added.
 * @example updateAnchor('storm-live/1420') // 'update-1420'
 */
export function updateAnchor(updateId: string): string {
  return `update-${updateId.slice(updateId.lastIndexOf('/') + 1)}`;
}

/**
 * The problems with a site's updates: an update outside any story's folder, for a story that does not
 * exist, or for a story that is not live coverage. Each names the file and the fix.
 */
export function updateProblems(
  updates: readonly { id: string; filePath?: string | undefined }[],
  stories: ReadonlyMap<string, { kind: StoryKind }>,
): string[] {
  const problems: string[] = [];
  for (const update of updates) {
    const file = update.filePath ?? update.id;
    const storyId = updateStoryId(update.id);
    const story = stories.get(storyId);
    if (!storyId) {
      problems.push(
        `${file}: a live update goes in a folder named for its story, e.g. src/content/updates/<story>/${update.id}.md`,
      );
    } else if (!story) {
      problems.push(
        `${file}: there is no story "${storyId}" for this update. Name the folder after the live story's file (without .md), or add the story.`,
      );
    } else if (story.kind !== 'live') {
      problems.push(
        `${file}: the story "${storyId}" is not live coverage. Add "kind: live" to its frontmatter, or move the update.`,
      );
    }
  }
  return problems;
}
