/**
 * What `khabar()` with no options (as `npx astro add astro-theme-khabar` writes it) or with some left
 * out builds: a working newsroom named after the project's package, in Arabic, in UTC, with one section
 * «أخبار». The site owner is told, in one line, which options to set.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KhabarUserConfig } from './user-config.ts';

/** The one section of a site that names none. */
export const STARTER_SECTION = { slug: 'news', name: 'أخبار' } as const;

/** The site's name when neither `title` nor a package name gives one. */
const FALLBACK_TITLE = 'خبر';

/** Where a site owner reads every option: the README the theme's package ships, and the editor's hints. */
export const OPTIONS_HELP =
  'Every option is listed in node_modules/astro-theme-khabar/README.md ("Options"), and your editor shows each one with an example as you type inside khabar({ … }).';

/**
 * The site's name from its project: the `name` of its package.json (without an npm scope), else the
 * project folder's name.
 * @example titleFromProject('/home/me/my-newsroom') // 'my-newsroom' (or the package.json name)
 */
export function titleFromProject(root: string): string {
  try {
    const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof name === 'string' && name.trim()) return name.trim().replace(/^@[^/]+\//, '');
  } catch {
    // No package.json, or not JSON: the folder's name will do.
  }
  return basename(root) || FALLBACK_TITLE;
}

export interface StarterOptions {
  options: KhabarUserConfig;
  /** The options the site left out that a newsroom should set, in the order they are named. */
  missing: ('title' | 'sections' | 'locale' | 'timeZone')[];
}

/**
 * The options with the starter's defaults for what was left out (`title`, `sections`; `locale` and
 * `timeZone` default in their schema), and which of the four the site should set.
 * @example withStarterDefaults(undefined, 'my-newsroom').options // { title: 'my-newsroom', sections: [{ slug: 'news', name: 'أخبار' }] }
 */
export function withStarterDefaults(input: unknown, title: string): StarterOptions {
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    // Not an options object: the schema names what is wrong with it.
    return { options: input as KhabarUserConfig, missing: [] };
  }
  const given = (input ?? {}) as Partial<KhabarUserConfig>;
  const missing: StarterOptions['missing'] = [];
  const options: Record<string, unknown> = { ...given };
  if (given.title === undefined) {
    missing.push('title');
    options['title'] = title;
  }
  if (given.sections === undefined) {
    missing.push('sections');
    options['sections'] = [{ ...STARTER_SECTION }];
  }
  if (given.locale === undefined) missing.push('locale');
  if (given.timeZone === undefined) missing.push('timeZone');
  return { options, missing };
}

/**
 * The one line printed when the site left out its name or its sections, or undefined when it did not
 * (a site may mean the default locale and zone).
 * @example starterNotice({ title: 'my-newsroom', …}, ['title', 'sections', 'locale', 'timeZone'])
 */
export function starterNotice(
  resolved: { title: string; locale: string; timeZone: string },
  missing: StarterOptions['missing'],
): string | undefined {
  if (!missing.includes('title') && !missing.includes('sections')) return undefined;
  const parts: string[] = [];
  if (missing.includes('title')) parts.push(`the title "${resolved.title}" (from package.json)`);
  if (missing.includes('locale')) parts.push(`locale "${resolved.locale}"`);
  if (missing.includes('timeZone')) parts.push(`time zone ${resolved.timeZone}`);
  if (missing.includes('sections'))
    parts.push(`one section «${STARTER_SECTION.name}» (/${STARTER_SECTION.slug}/)`);
  return `Built with starter options: ${parts.join(', ')}. Set ${missing.join(', ')} in khabar({ … }) in astro.config for your newsroom.`;
}
