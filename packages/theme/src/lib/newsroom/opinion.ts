/**
 * The opinion page's contents from the published stories: the columnists (every author of an opinion
 * piece) ordered by their latest piece, newest first, and the latest pieces.
 */

export interface OpinionStory {
  id: string;
  data: { kind: string; published: Date; authors: readonly { id: string }[] };
}

export interface ColumnistEntry<T> {
  /** The author's id. */
  id: string;
  /** Their newest opinion piece. */
  latest: T;
  /** How many opinion pieces they have published. */
  count: number;
}

/**
 * Opinion pieces and their columnists. Pass the stories newest first (as `getArticles` gives them).
 * @example opinionIndex(stories, 12).columnists.map((c) => c.id) // ['omar-khatib', 'nour-salem']
 */
export function opinionIndex<T extends OpinionStory>(
  newestFirst: readonly T[],
  latestCount: number,
): { columnists: ColumnistEntry<T>[]; latest: T[] } {
  const pieces = newestFirst.filter((story) => story.data.kind === 'opinion');
  const columnists = new Map<string, ColumnistEntry<T>>();
  for (const piece of pieces) {
    for (const { id } of piece.data.authors) {
      const entry = columnists.get(id);
      if (entry) entry.count++;
      else columnists.set(id, { id, latest: piece, count: 1 });
    }
  }
  return { columnists: [...columnists.values()], latest: pieces.slice(0, Math.max(0, latestCount)) };
}
