/**
 * The «الأكثر قراءة» list, from the site's data file (config/most-read.ts): checked, matched to the
 * stories it names, ranked by views (else in the file's order), and cut to the list's length. Pure: the
 * stories and the file's text come in, the list and what was wrong with it come out.
 */
import { MostReadFileSchema, type MostReadFile } from '../config/most-read.ts';
import { userError } from './user-error.ts';

export interface MostReadList<T> {
  period: MostReadFile['period'];
  stories: T[];
  /** Entries that name no published story, one sentence each, for the build's log. */
  unknown: string[];
}

/**
 * Parses the file's text, or throws an error naming the file and the field at fault.
 * @example parseMostRead('{"period":"day","stories":[]}', 'src/data/most-read.json').period // 'day'
 */
export function parseMostRead(text: string, source: string): MostReadFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw userError(
      `${source} is not JSON (${(error as Error).message}). It should look like {"period": "day", "stories": [{"story": "cup-final", "views": 5120}]}.`,
    );
  }
  const result = MostReadFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path
        .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
        .join('')
        .replace(/^\./, '');
      return `  - ${path || '(the file)'}: ${issue.message}`;
    });
    throw userError(`${source} is not a most-read file the theme can read:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * The stories of the list, published ones only, ranked, at most `limit`.
 * @example mostReadList(file, [{ id: 'cup-final' }], (s) => [s.id], 5, 'src/data/most-read.json').stories // [{ id: 'cup-final' }]
 */
export function mostReadList<T>(
  file: MostReadFile,
  stories: readonly T[],
  namesOf: (story: T) => readonly (string | undefined)[],
  limit: number,
  source: string,
): MostReadList<T> {
  const byName = new Map<string, T>();
  for (const story of stories) {
    for (const name of namesOf(story)) if (name) byName.set(name.normalize('NFC'), story);
  }
  const unknown: string[] = [];
  const seen = new Set<T>();
  const ranked = file.stories
    .map((entry, index) => ({ entry, index, story: byName.get(entry.story.normalize('NFC')) }))
    .filter(({ entry, index, story }) => {
      if (!story) {
        unknown.push(
          `${source}: stories[${index}] names "${entry.story}", which is no published story (no story file of that name, and no story with that id or slug): it is left out of the most-read list.`,
        );
        return false;
      }
      if (seen.has(story)) return false;
      seen.add(story);
      return true;
    })
    .sort((a, b) => (b.entry.views ?? -1) - (a.entry.views ?? -1) || a.index - b.index);
  return { period: file.period, stories: ranked.slice(0, limit).map(({ story }) => story as T), unknown };
}
