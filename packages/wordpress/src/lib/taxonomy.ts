/**
 * WordPress's categories → Khabar's sections, and authors → the authors collection. A nested category
 * files its posts under its top-level ancestor's section, with its own name as a tag.
 */
import { decodeHTML } from 'entities';
import type { WxrAuthor, WxrCategory } from '../wxr/types.ts';
import { decodeSlug, normalizeSlug } from './slug.ts';

/**
 * The first path segments the theme keeps for its own pages (its `RESERVED_SLUGS`, those a normalised
 * slug can spell): a section may not take them.
 */
export const RESERVED_SECTION_SLUGS: readonly string[] = [
  'tags',
  'authors',
  'page',
  'pages',
  'archive',
  'search',
  '404',
  'og',
  'pagefind',
];

export interface Section {
  slug: string;
  name: string;
  description?: string;
}

export interface SectionMap {
  /** The sections, in the export's order (top-level categories). */
  sections: Section[];
  /** For each category's WordPress slug (as exported, and decoded): its section, and a tag when nested. */
  byCategory: Map<string, { section: string; tag?: string }>;
  /** Categories whose slug had to change to fit the theme's rules. */
  renamed: { wordpress: string; slug: string; reason: string }[];
}

/** Text of a WXR name field: WordPress escapes `&` and quotes in term names. */
export const plainText = (value: string) => decodeHTML(value).trim();

/** A section slug from a category's: decoded, normalised, not reserved, not taken. */
function sectionSlug(nicename: string, taken: ReadonlySet<string>): { slug: string; reason?: string } {
  let slug = normalizeSlug(nicename) || 'section';
  let reason: string | undefined;
  if (slug !== decodeSlug(nicename)) reason = 'normalised to the theme’s slug rules';
  if (RESERVED_SECTION_SLUGS.includes(slug)) {
    slug = `${slug}-section`;
    reason = 'the theme uses this path for its own pages';
  }
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  if (candidate !== slug) reason = 'another category has the same slug';
  return reason ? { slug: candidate, reason } : { slug: candidate };
}

/** Sections from the export's categories; a category's parent is found by its slug. */
export function mapSections(categories: readonly WxrCategory[]): SectionMap {
  const byNicename = new Map(categories.map((category) => [decodeSlug(category.nicename), category]));
  const topOf = (category: WxrCategory): WxrCategory => {
    const seen = new Set<string>();
    let current = category;
    while (current.parent && !seen.has(current.parent)) {
      seen.add(current.parent);
      const parent = byNicename.get(decodeSlug(current.parent));
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  const sections: Section[] = [];
  const slugOfTop = new Map<string, string>();
  const renamed: SectionMap['renamed'] = [];
  const taken = new Set<string>();
  for (const category of categories) {
    if (topOf(category) !== category) continue;
    const { slug, reason } = sectionSlug(category.nicename, taken);
    taken.add(slug);
    if (reason) renamed.push({ wordpress: decodeSlug(category.nicename), slug, reason });
    const description = plainText(category.description);
    sections.push({ slug, name: plainText(category.name) || slug, ...(description ? { description } : {}) });
    slugOfTop.set(decodeSlug(category.nicename), slug);
  }
  const byCategory = new Map<string, { section: string; tag?: string }>();
  for (const category of categories) {
    const top = topOf(category);
    const section = slugOfTop.get(decodeSlug(top.nicename)) ?? '';
    const entry = top === category ? { section } : { section, tag: plainText(category.name) };
    byCategory.set(decodeSlug(category.nicename), entry);
  }
  return { sections, byCategory, renamed };
}

export interface Author {
  /** The file name in `src/content/authors/`, and the id stories name. */
  id: string;
  name: string;
  /** The biography, as plain text, when the export has one. */
  bio?: string;
}

/**
 * An author's profile: id, display name (else first and last name, else the login; the full name also
 * when the display name is only the login, WordPress's default) and, when the export
 * carries one, the biography as one paragraph of plain text. The e-mail address is never part of it:
 * the profile is public.
 */
export function mapAuthor(author: WxrAuthor): Author {
  const full = `${plainText(author.firstName)} ${plainText(author.lastName)}`.trim();
  const display = plainText(author.displayName);
  // WordPress fills the display name with the login until the user picks another: the full name is better.
  const name = (display === author.login && full) || display || full || author.login;
  const text = author.description.replace(/<br\s*\/?>|<\/p>/gi, ' ').replace(/<[^>]*>/g, '');
  const bio = plainText(text).replace(/\s+/g, ' ');
  return { id: normalizeSlug(author.login) || `author-${author.id}`, name, ...(bio ? { bio } : {}) };
}
