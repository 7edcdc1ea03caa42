/**
 * WordPress's categories onto the sections an existing Khabar site already has (`--into`): each
 * category by the `--sections` map, else by its slug or its name, else by its nearest mapped ancestor
 * (with its own name as a tag, as a new site files nested categories). What cannot be mapped is listed,
 * with the posts it holds, so the import can refuse with the fix.
 */
import type { WxrCategory } from '../wxr/types.ts';
import { ImportError } from './errors.ts';
import { decodeSlug, normalizeSlug } from './slug.ts';
import { plainText, type Section, type SectionMap } from './taxonomy.ts';

/** One `--sections` pair: a category (slug or name) and the site's section (slug or name). */
export interface SectionPair {
  category: string;
  section: string;
}

/**
 * `--sections sport=رياضة,economy=اقتصاد` (the option may be given more than once): pairs of a
 * category and a section, each named by its slug or its name.
 */
export function parseSectionsOption(values: readonly string[]): SectionPair[] {
  const pairs: SectionPair[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      if (part.trim() === '') continue;
      const equals = part.indexOf('=');
      const category = equals === -1 ? '' : part.slice(0, equals).trim();
      const section = equals === -1 ? '' : part.slice(equals + 1).trim();
      if (!category || !section) {
        throw new ImportError(
          `--sections ${JSON.stringify(part.trim())} is not <category>=<section>: write the WordPress category's slug or name, "=", then the site's section's slug or name (--sections sport=رياضة).`,
        );
      }
      pairs.push({ category: category.normalize('NFC'), section: section.normalize('NFC') });
    }
  }
  return pairs;
}

export interface UnmappedCategory {
  /** The category's slug, decoded (what `--sections` takes). */
  slug: string;
  name: string;
  /** The imported posts filed under it. */
  posts: number;
}

export interface SiteSectionMapping {
  sectionMap: SectionMap;
  /** Categories holding posts that map onto no section: the import refuses them. */
  unmapped: UnmappedCategory[];
  /** Categories without posts that map onto no section: left out, harmlessly. */
  unused: UnmappedCategory[];
}

const sameText = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

/** The site's section a `--sections` value names: by slug, else by name. */
function findSection(sections: readonly Section[], wanted: string): Section {
  const bySlug = sections.find(
    (section) => section.slug === wanted || section.slug === normalizeSlug(wanted),
  );
  if (bySlug) return bySlug;
  const byName = sections.filter((section) => sameText(section.name, wanted));
  const list = sections.map((section) => `${section.slug} (${section.name})`).join(', ');
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new ImportError(
      `--sections: the site has ${byName.length} sections named "${wanted}" (${byName.map((s) => s.slug).join(', ')}): name the section by its slug.`,
    );
  }
  throw new ImportError(`--sections: the site has no section "${wanted}". Its sections: ${list}.`);
}

/** The categories a `--sections` value names: by slug, else by name (every category of that name). */
function findCategories(categories: readonly WxrCategory[], wanted: string): WxrCategory[] {
  const bySlug = categories.filter(
    (category) =>
      decodeSlug(category.nicename) === wanted || normalizeSlug(category.nicename) === normalizeSlug(wanted),
  );
  if (bySlug.length > 0) return bySlug;
  const byName = categories.filter((category) => sameText(plainText(category.name), wanted));
  if (byName.length > 0) return byName;
  const list = categories.map((category) => decodeSlug(category.nicename)).join(', ');
  throw new ImportError(
    `--sections: the export has no category "${wanted}" (by slug or name). Its categories: ${list || 'none'}.`,
  );
}

/**
 * Maps the export's categories onto the site's sections. `posts` counts the imported posts filed under
 * each category (by decoded slug). Throws an ImportError for a `--sections` pair that names nothing.
 */
export function mapOntoSections(
  categories: readonly WxrCategory[],
  posts: ReadonlyMap<string, number>,
  sections: readonly Section[],
  pairs: readonly SectionPair[] = [],
): SiteSectionMapping {
  const direct = new Map<string, string>();
  for (const pair of pairs) {
    const section = findSection(sections, pair.section);
    for (const category of findCategories(categories, pair.category))
      direct.set(decodeSlug(category.nicename), section.slug);
  }
  for (const category of categories) {
    const slug = decodeSlug(category.nicename);
    if (direct.has(slug)) continue;
    const match =
      sections.find((section) => section.slug === slug || section.slug === normalizeSlug(slug)) ??
      sections.find((section) => sameText(section.name, plainText(category.name)));
    if (match) direct.set(slug, match.slug);
  }

  const bySlug = new Map(categories.map((category) => [decodeSlug(category.nicename), category]));
  const byCategory: SectionMap['byCategory'] = new Map();
  const unmapped: UnmappedCategory[] = [];
  const unused: UnmappedCategory[] = [];
  for (const category of categories) {
    const slug = decodeSlug(category.nicename);
    const own = direct.get(slug);
    if (own !== undefined) {
      byCategory.set(slug, { section: own });
      continue;
    }
    // The nearest ancestor with a section files it, its own name a tag.
    const seen = new Set([slug]);
    let section: string | undefined;
    for (let parent = decodeSlug(category.parent); parent && !seen.has(parent);) {
      seen.add(parent);
      section = direct.get(parent);
      if (section !== undefined) break;
      parent = decodeSlug(bySlug.get(parent)?.parent ?? '');
    }
    if (section !== undefined) {
      byCategory.set(slug, { section, tag: plainText(category.name) || slug });
      continue;
    }
    const entry = { slug, name: plainText(category.name) || slug, posts: posts.get(slug) ?? 0 };
    (entry.posts > 0 ? unmapped : unused).push(entry);
  }
  return { sectionMap: { sections: [...sections], byCategory, renamed: [] }, unmapped, unused };
}

/** The refusal for unmapped categories: each with its post count, and the `--sections` that maps it. */
export function unmappedMessage(
  unmapped: readonly UnmappedCategory[],
  sections: readonly Section[],
  site: string,
): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${plural(unmapped.length, 'category', 'categories')} of the export ${unmapped.length === 1 ? 'has' : 'have'} no section in ${site}, so nothing was written:`,
    ...unmapped.map(
      (category) =>
        `  ${category.slug}${category.name !== category.slug ? ` (${category.name})` : ''}: ${plural(category.posts, 'post', 'posts')}`,
    ),
    `The site's sections: ${sections.map((section) => `${section.slug} (${section.name})`).join(', ')}.`,
    `Map each category onto one of them with --sections <category>=<section>, e.g. --sections ${unmapped
      .map((category) => `${category.slug}=<section>`)
      .join(',')}`,
    `or add the sections to the khabar() options in the site's astro.config first.`,
  ];
  return lines.join('\n');
}

/**
 * `--into`: the export's categories onto the site's sections, or an ImportError listing the categories
 * with posts that map onto none. `categoryPosts`: the imported posts under each category (by decoded
 * slug); a category posts name that the export's channel does not list counts too.
 */
export function mapOntoSite(
  categories: readonly WxrCategory[],
  categoryPosts: ReadonlyMap<string, { name: string; posts: number }>,
  sections: readonly Section[],
  sectionsOption: readonly string[] | undefined,
  site: string,
): SiteSectionMapping {
  const listed = new Set(categories.map((category) => decodeSlug(category.nicename)));
  const all = [
    ...categories,
    ...[...categoryPosts]
      .filter(([slug]) => !listed.has(slug))
      .map(([slug, { name }]) => ({ termId: '', nicename: slug, parent: '', name, description: '' })),
  ];
  const posts = new Map([...categoryPosts].map(([slug, { posts: count }]) => [slug, count]));
  const mapping = mapOntoSections(all, posts, sections, parseSectionsOption(sectionsOption ?? []));
  if (mapping.unmapped.length > 0) throw new ImportError(unmappedMessage(mapping.unmapped, sections, site));
  return mapping;
}
