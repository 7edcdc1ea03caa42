/**
 * The «الأكثر قراءة» list for the pages: the data file (`mostRead.source`) read once per build or
 * server, matched to the published stories (lib/most-read.ts). No file, no list; a file the theme cannot
 * read fails the build with the field at fault; an entry naming no story is reported once and left out.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import markdown from 'virtual:khabar/markdown';
import { storyNames } from '../lib/story-names.ts';
import { mostReadList, parseMostRead, type MostReadList } from '../lib/most-read.ts';
import type { MostReadFile } from '../config/most-read.ts';
import { getArticles, type Article } from './articles.ts';
import { config } from './site.ts';

let data: Promise<MostReadFile | undefined> | undefined;
const reported = new Set<string>();

function warn(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  console.warn(`[khabar] ${message}`);
}

async function readSource(source: string): Promise<MostReadFile | undefined> {
  if (/^https?:\/\//i.test(source)) {
    let text: string;
    try {
      const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      warn(
        `Could not read the most-read list from ${source} (${(error as Error).message}): the pages show none.`,
      );
      return undefined;
    }
    return parseMostRead(text, source);
  }
  const root = process.env.KHABAR_ROOT ?? markdown.root;
  const file = isAbsolute(source) ? source : join(root, source);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseMostRead(text, source);
}

/** The list to show, or `undefined` when the site has no most-read data (or none of it names a story). */
export async function getMostRead(): Promise<MostReadList<Article> | undefined> {
  const { source, limit } = config.mostRead;
  const file = await (data ??= readSource(source));
  if (!file) return undefined;
  const list = mostReadList(file, await getArticles(), storyNames, limit, source);
  for (const message of list.unknown) warn(message);
  return list.stories.length > 0 ? list : undefined;
}
