/**
 * A WordPress post → a Khabar story: its frontmatter in the theme's schema (see the theme's
 * `config/article.ts`) and its Markdown body, or the reason it is not imported.
 */
import { stringify } from 'yaml';
import type { WxrItem } from '../wxr/types.ts';
import { convertContent, firstParagraphText, shorten, type ContentContext } from './content.ts';
import { postInstant, gmtToInstant, wallClockToInstant } from './dates.ts';
import { decodeSlug, normalizeSlug } from './slug.ts';
import { plainText, type SectionMap } from './taxonomy.ts';

export interface ArticleFrontmatter {
  title: string;
  description: string;
  published: string;
  updated?: string;
  section: string;
  tags: string[];
  authors: string[];
  image?: { src: string; alt: string; caption?: string };
  draft: boolean;
  /** A WordPress sticky post: the theme's pinned lead. Written only when true. */
  pinned?: boolean;
  slug: string;
}

/** A note for the report about something that came across changed or incomplete. */
export interface Degradation {
  reason: string;
}

export type PostResult =
  | {
      kind: 'article';
      frontmatter: ArticleFrontmatter;
      body: string;
      degraded: Degradation[];
    }
  | { kind: 'skip'; reason: string };

export interface PostContext extends ContentContext {
  sections: SectionMap;
  /** The section for posts filed under no known category. */
  fallbackSection: string;
  /** Author ids by WordPress login. */
  authors: ReadonlyMap<string, string>;
  timeZone: string;
  /** The import's clock: the date of a draft WordPress never dated. */
  now: Date;
  /** The slug a story takes, unique in the site (the importer keeps track of those taken). */
  uniqueSlug: (wanted: string, postId: string) => string;
  /** The lead picture of a post from its `_thumbnail_id`, or a note on why it has none. */
  featuredImage: (attachmentId: string) => { image: ArticleFrontmatter['image'] } | { missing: string };
}

const DRAFT_STATUSES = new Set(['draft', 'pending', 'private', 'future']);

/** Why a post is not imported at all, or undefined when it is. */
export function skipReason(item: WxrItem): string | undefined {
  if (item.postPassword) return 'password-protected: its text was meant for some readers only';
  if (item.status === 'trash') return 'in the trash';
  if (item.status === 'auto-draft') return 'an auto-draft WordPress made and nobody wrote';
  if (item.status !== 'publish' && !DRAFT_STATUSES.has(item.status))
    return `status "${item.status}" has no Khabar equivalent`;
  return undefined;
}

/**
 * What a post and a page share: the title, the Markdown body and the description (the excerpt, else the
 * first paragraph, else the title), with what came across changed added to `degraded`.
 */
export function postText(
  item: WxrItem,
  context: ContentContext,
  degraded: Degradation[],
): { title: string; description: string; markdown: string } {
  let title = plainText(item.title).replace(/\s+/g, ' ');
  if (!title) {
    title = `#${item.postId}`;
    degraded.push({ reason: 'has no title: titled with its WordPress id' });
  }
  const content = convertContent(item.content, context, item.postId);
  for (const name of content.unknownShortcodes) degraded.push({ reason: `shortcode [${name}] kept as text` });
  for (const name of content.unknownBlocks)
    degraded.push({ reason: `block "${name}" converted from its HTML` });
  const excerpt = firstParagraphText(`<p>${item.excerpt}</p>`);
  const description = excerpt || firstParagraphText(content.html) || shorten(title, 200);
  return { title, description, markdown: content.markdown };
}

/**
 * `postText` done ahead, in the thread that converts posts (worker/convert.ts): what it gave, what it
 * added to `degraded`, and the URLs it asked `context.image` for, in order.
 */
export interface PreparedText {
  title: string;
  description: string;
  markdown: string;
  degraded: Degradation[];
  images: string[];
}

/**
 * Maps one post. Pure: everything it needs about the rest of the export comes in the context. With
 * `prepared` (its `postText` done ahead), the post's pictures are asked of `context.image` again, in
 * the same order, so the import copies and reports them as if it had converted the text itself.
 */
export function mapPost(item: WxrItem, context: PostContext, prepared?: PreparedText): PostResult {
  const skip = skipReason(item);
  if (skip) return { kind: 'skip', reason: skip };
  const degraded: Degradation[] = [];
  const draft = item.status !== 'publish';
  if (draft) degraded.push({ reason: `imported as a draft (WordPress status "${item.status}")` });

  let text: { title: string; description: string; markdown: string };
  if (prepared) {
    for (const url of prepared.images) context.image(url);
    degraded.push(...prepared.degraded);
    text = prepared;
  } else text = postText(item, context, degraded);
  const { title, description, markdown } = text;

  const dated = postInstant(item.postDateGmt, item.postDate, context.timeZone);
  let published = dated?.instant;
  if (dated?.from === 'local')
    degraded.push({ reason: `no GMT date: post_date read in ${context.timeZone}` });
  if (!published) {
    published = context.now;
    degraded.push({ reason: 'has no date: dated with the import’s time' });
  }
  const modified =
    gmtToInstant(item.postModifiedGmt) ?? wallClockToInstant(item.postModified, context.timeZone);
  const updated = modified && modified.getTime() > published.getTime() + 60_000 ? modified : undefined;

  let section: string | undefined;
  const tags: string[] = [];
  for (const term of item.terms) {
    if (term.domain === 'category') {
      const mapped = context.sections.byCategory.get(decodeSlug(term.nicename));
      if (!mapped) continue;
      if (section === undefined) {
        section = mapped.section;
        if (mapped.tag) tags.push(mapped.tag);
      } else {
        // Khabar files a story in one section: the others become tags.
        tags.push(mapped.tag ?? plainText(term.name));
      }
    } else if (term.domain === 'post_tag') tags.push(plainText(term.name));
  }
  if (section === undefined) {
    section = context.fallbackSection;
    degraded.push({ reason: `filed under no known category: put in the section "${section}"` });
  }

  const slugWanted = normalizeSlug(item.postName) || normalizeSlug(title) || `post-${item.postId}`;
  const slug = context.uniqueSlug(slugWanted, item.postId);
  if (item.postName && slug !== decodeSlug(item.postName)) {
    degraded.push({ reason: `slug "${decodeSlug(item.postName)}" became "${slug}"` });
  }

  const authors = item.creator ? [context.authors.get(item.creator) ?? normalizeSlug(item.creator)] : [];

  const frontmatter: ArticleFrontmatter = {
    title,
    description,
    published: published.toISOString(),
    ...(updated ? { updated: updated.toISOString() } : {}),
    section,
    tags: [...new Set(tags.filter(Boolean))],
    authors: authors.filter(Boolean),
    draft,
    // A sticky post leads the home page until it is unpinned, as it stayed on top in WordPress.
    ...(item.isSticky === '1' ? { pinned: true } : {}),
    slug,
  };
  const thumbnail = item.meta['_thumbnail_id'];
  if (thumbnail) {
    const featured = context.featuredImage(thumbnail);
    if ('image' in featured) {
      if (featured.image) frontmatter.image = featured.image;
    } else degraded.push({ reason: featured.missing });
  }
  return { kind: 'article', frontmatter, body: markdown, degraded };
}

/**
 * The story's file (or a site page's): YAML frontmatter and the Markdown body. Strings are double-quoted,
 * so a title such as `yes`, `2016` or `: ..` stays a string, and each value reads the same as JSON.
 */
export function articleFile(frontmatter: object, body: string): string {
  const yaml = stringify(frontmatter, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  });
  return `---\n${yaml}---\n\n${body}\n`;
}
