/**
 * The names a site's data and authors give a story: its id (which is its `slug` when it has one), its
 * slug, and its file name without the extension. The most-read file and `<ReadAlso>` name stories so.
 */
import { basename, extname } from 'node:path';

interface Named {
  id: string;
  filePath?: string | undefined;
  data: { slug?: string | undefined };
}

/**
 * Every name of a story.
 * @example storyNames({ id: 'قمة', filePath: 'src/content/articles/summit.md', data: { slug: 'قمة' } }) // ['قمة', 'قمة', 'summit']
 */
export function storyNames(story: Named): string[] {
  const names = [story.id];
  if (story.data.slug) names.push(story.data.slug);
  if (story.filePath) names.push(basename(story.filePath, extname(story.filePath)));
  return names.map((name) => name.normalize('NFC'));
}

/** The story a name stands for, if any. */
export function findStory<T extends Named>(stories: readonly T[], name: string): T | undefined {
  const wanted = name.trim().normalize('NFC');
  return stories.find((story) => storyNames(story).includes(wanted));
}
