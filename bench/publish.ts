/**
 * A newsroom's two commonest edits after a build, made in one site's copy of the newsroom and undone
 * afterwards: a new story published, and a one-word typo fixed in an old story's body.
 *
 * A site's content files are hard links to the shared newsroom (`newsroom-files.ts`), so nothing here
 * writes through one: the new story is a new file in the site's tree; the corrected story is written to
 * a new file renamed over the site's link (the shared copy keeps its bytes); restoring removes the new
 * story and links the shared file back in place of the corrected one.
 */
import { copyFile, link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  articleFile,
  articleMarkdown,
  articlePicturePath,
  generateNewsroom,
  type Newsroom,
  type NewsroomArticle,
  type NewsroomOptions,
} from './generator/index.ts';

/** What a newsroom's archive holds that a new story may refer to, and the stories the edits touch. */
export interface Archive {
  /** The newest story's `published` (ISO 8601 with the newsroom's offset). */
  newest: string;
  /** How many stories use each section, tag and author. */
  sections: Map<string, number>;
  tags: Map<string, number>;
  authors: Map<string, number>;
  /** The story in the middle of the archive by date: the one whose typo gets fixed. */
  middle: Pick<NewsroomArticle, 'id' | 'section' | 'slug' | 'published'>;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The facts `nextStory()` and `fixTypo()` need, so the newsroom's bodies need not be kept. */
export function archiveOf(newsroom: Newsroom): Archive {
  const { articles } = newsroom;
  const byDate = articles.toSorted((a, b) => Date.parse(b.published) - Date.parse(a.published));
  const [newest, middle] = [byDate[0], byDate[Math.floor(byDate.length / 2)]];
  if (!newest || !middle) throw new Error('an empty newsroom has no story to edit');
  const archive: Archive = {
    newest: newest.published,
    sections: new Map(),
    tags: new Map(),
    authors: new Map(),
    middle: { id: middle.id, section: middle.section, slug: middle.slug, published: middle.published },
  };
  for (const article of articles) {
    count(archive.sections, article.section);
    for (const tag of article.tags) count(archive.tags, tag);
    for (const author of article.authors) count(archive.authors, author);
  }
  return archive;
}

/** `iso` (with an offset such as `+03:00`) moved by `minutes`, written with the same offset. */
export function addMinutes(iso: string, minutes: number): string {
  const offset = /([+-])(\d\d):(\d\d)$/.exec(iso);
  const offsetMinutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  const local = new Date(Date.parse(iso) + (minutes + offsetMinutes) * 60_000);
  const text = local.toISOString().slice(0, 19);
  return offset ? `${text}${offset[0]}` : `${text}Z`;
}

/** The most used key of a count. */
const mostUsed = (map: Map<string, number>) =>
  [...map].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];

/**
 * The story the newsroom publishes next: the article the generator draws after the archive's last one
 * (a newsroom of one story more draws the same stories first, so this is its newest), published at
 * `published`, with only the section, tags and authors the archive already uses, so it adds no page of
 * a new tag or author: it lands in the listings that exist.
 */
export function nextStory(
  options: Required<NewsroomOptions>,
  archive: Archive,
  published: string,
): NewsroomArticle {
  const next = generateNewsroom({ ...options, articles: options.articles + 1 }).articles[0];
  if (!next) throw new Error('the generator drew no story');
  const tags = next.tags.filter((tag) => archive.tags.has(tag));
  const authors = next.authors.filter((author) => archive.authors.has(author));
  return {
    ...next,
    section: archive.sections.has(next.section) ? next.section : mostUsed(archive.sections),
    published,
    tags: tags.length ? tags : [mostUsed(archive.tags)],
    authors: authors.length ? authors : [mostUsed(archive.authors)],
  };
}

/** One edit made to a site's newsroom: what it was, and how to undo it. */
export interface Edit {
  /** The story's file, relative to the site root. */
  file: string;
  story: Pick<NewsroomArticle, 'section' | 'slug' | 'published'>;
  /** For a typo fix: the word and what it became. */
  word?: { from: string; to: string };
  undo: () => Promise<void>;
}

/** Writes `text` as a new file at `file`, replacing (never writing through) whatever link is there. */
async function replaceFile(root: string, file: string, text: string) {
  const temporary = join(root, '.bench-edit.tmp');
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Publishes `article` in the site at `root`: a new Markdown file, as the generator writes one. */
export async function publishStory(root: string, article: NewsroomArticle): Promise<Edit> {
  const file = articleFile(article);
  const path = join(root, file);
  if (await stat(path).catch(() => undefined)) throw new Error(`${file} already exists in ${root}`);
  await writeFile(path, articleMarkdown(article, articlePicturePath));
  return {
    file,
    story: { section: article.section, slug: article.slug, published: article.published },
    undo: () => rm(path),
  };
}

const LETTERS = /^\p{L}{4,}$/u;

/**
 * The typo fix: one word of a plain paragraph of the story's body (not the lead, not a heading, quote
 * or list), the one nearest the paragraph's middle whose last two letters differ, with those two letters
 * swapped. The frontmatter (headline, description, tags) is untouched: only the story's text changes.
 */
export function changeOneWord(markdown: string): { text: string; from: string; to: string } {
  const bodyStart = markdown.indexOf('\n---\n', 3) + 5;
  if (bodyStart < 5) throw new Error('the story has no frontmatter');
  const blocks: { start: number; text: string }[] = [];
  let at = bodyStart;
  for (const block of markdown.slice(bodyStart).split('\n\n')) {
    if (block.trim() && !/^[#>-]/.test(block.trimStart())) blocks.push({ start: at, text: block });
    at += block.length + 2;
  }
  for (const block of [...blocks.slice(1), ...blocks.slice(0, 1)]) {
    const words = [...block.text.matchAll(/\S+/g)].filter((m) => {
      const word = m[0];
      return LETTERS.test(word) && word.at(-1) !== word.at(-2);
    });
    const middle = words.toSorted(
      (a, b) => Math.abs(a.index - block.text.length / 2) - Math.abs(b.index - block.text.length / 2),
    )[0];
    if (!middle) continue;
    const from = middle[0];
    const to = from.slice(0, -2) + from.slice(-1) + from.slice(-2, -1);
    const offset = block.start + middle.index;
    return { text: markdown.slice(0, offset) + to + markdown.slice(offset + from.length), from, to };
  }
  throw new Error('the story has no word to change');
}

/**
 * Fixes a typo in `story` in the site at `root`, whose file is a hard link to `shared`'s copy: the site
 * gets a file of its own with one word changed; the shared copy is checked to be left as it was.
 */
export async function fixTypo(root: string, shared: string, story: Archive['middle']): Promise<Edit> {
  const file = articleFile(story);
  const [path, sharedPath] = [join(root, file), join(shared, file)];
  const before = await readFile(sharedPath, 'utf8');
  const { text, from, to } = changeOneWord(await readFile(path, 'utf8'));
  await replaceFile(root, path, text);
  const [site, source] = await Promise.all([stat(path), stat(sharedPath)]);
  if (site.ino === source.ino || (await readFile(sharedPath, 'utf8')) !== before) {
    throw new Error(`editing ${file} in ${root} changed the shared newsroom's copy`);
  }
  return {
    file,
    story: { section: story.section, slug: story.slug, published: story.published },
    word: { from, to },
    undo: async () => {
      const temporary = join(root, '.bench-edit.tmp');
      await rm(temporary, { force: true });
      await link(sharedPath, temporary).catch(() => copyFile(sharedPath, temporary));
      await rename(temporary, path);
      if ((await readFile(path, 'utf8')) !== before) throw new Error(`${file} in ${root} was not restored`);
    },
  };
}
