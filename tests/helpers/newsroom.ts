import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleDist, exampleRoot } from './paths.ts';
import { loadPage as loadFrom } from './site.ts';

/** What the suites of the example newsroom's pages share: the built site and its published stories. */

/** The built site under test: the example's dist, or a copy (KHABAR_DIST) while another build runs. */
export const dist = process.env.KHABAR_DIST ?? exampleDist;
export const loadPage = (path: string) => loadFrom(path, dist);

/** The example newsroom's pinned clock (`now` in examples/news/astro.config.mjs). */
export const EXAMPLE_CLOCK = new Date('2016-12-01T18:00:00+02:00');

/**
 * The example's published stories in its main (Arabic) edition, read from their frontmatter: the files
 * at the top of the articles folder (another edition's are in its folder, `articles/en/`), not drafts,
 * not scheduled after its clock.
 */
export async function publishedStories() {
  const dir = join(exampleRoot, 'src/content/articles');
  const stories = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const file = entry.name;
    const text = await readFile(join(dir, file), 'utf8');
    const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
    if (field('draft') === 'true') continue;
    if (new Date(field('published').replace(/"/g, '')).getTime() > EXAMPLE_CLOCK.getTime()) continue;
    stories.push({
      file,
      kind: field('kind') || 'news',
      section: field('section'),
      published: field('published').replace(/"/g, ''),
      authors: JSON.parse(field('authors') || '[]') as string[],
      tags: JSON.parse(field('tags') || '[]') as string[],
    });
  }
  return stories;
}
