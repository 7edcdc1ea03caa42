/**
 * Finds the comment sections in built HTML pages, so the build can tell the receiver which posts exist
 * (and where they live, and when they close) without the site having to list them.
 */
import type { Post } from '../config/options.ts';

const SECTION = /<section\b[^>]*\bdata-khabar-post-id="[^"]*"[^>]*>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/** Decodes the character references Astro writes in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos' || lower === '#39') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The posts whose comment sections appear in one HTML page. */
export function postsFromHtml(html: string): Post[] {
  const posts: Post[] = [];
  for (const [tag] of html.matchAll(SECTION)) {
    const attrs = new Map<string, string>();
    for (const [, name = '', value = ''] of tag.matchAll(ATTRIBUTE)) attrs.set(name, decodeEntities(value));
    const id = attrs.get('data-khabar-post-id');
    const url = attrs.get('data-khabar-post-url');
    if (!id || !url?.startsWith('/')) continue;
    const published = attrs.get('data-khabar-published');
    posts.push({
      id,
      url,
      title: attrs.get('data-khabar-post-title') ?? '',
      ...(published ? { published } : {}),
      closed: attrs.get('data-khabar-closed') === 'true',
    });
  }
  return posts;
}

/** Merges the posts found across pages: one entry per id, the first page that showed it wins. */
export function mergePosts(lists: Iterable<Post[]>): Post[] {
  const byId = new Map<string, Post>();
  for (const list of lists) for (const post of list) if (!byId.has(post.id)) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
