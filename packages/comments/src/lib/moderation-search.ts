/**
 * The moderation page's search: a comment matches when every word of the query is found in its text,
 * its name, its e-mail address or its story (title, path or id). Arabic is folded first, as readers
 * type it: diacritics and tatweel dropped, the alef forms, alef maqsura and teh marbuta joined with
 * the letters they are typed as. Pure.
 */

/** Folds text for matching: NFKC, lower case, no Arabic diacritics or tatweel, common letter variants joined. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchableComment {
  author: string;
  body: string;
  email: string;
  postId: string;
  /** The story's title and path, when the site still has it. */
  storyTitle?: string | undefined;
  storyUrl?: string | undefined;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The folded words of a query, as a store's `search` takes them. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}

/** The words of `words` that a story's title or address holds (what matches its comments by their story). */
export function storyWords(
  words: readonly string[],
  title: string | undefined,
  url: string | undefined,
): string[] {
  const haystack = foldForSearch(`${title ?? ''}\n${decoded(url ?? '')}`);
  return words.filter((word) => haystack.includes(word));
}

/** True when every word of `query` is in the comment's searchable text; an empty query matches all. */
export function matchesQuery(comment: SearchableComment, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [
      comment.author,
      comment.body,
      comment.email,
      comment.postId,
      comment.storyTitle ?? '',
      decoded(comment.storyUrl ?? ''),
    ].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}

/** One page of a list: page numbers from 1, clamped to the pages there are. */
export function paginate<T>(items: readonly T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}
