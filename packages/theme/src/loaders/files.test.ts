import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { storyId } from '../lib/editions.ts';
import { loadFiles, type FileEntryType } from './files.ts';

/**
 * `loadFiles` must leave the store as Astro's `glob()` leaves it. Both run here over the same folder with
 * the same content types, each into a store of its own that records what it was asked.
 */

type LoaderContext = Parameters<Loader['load']>[0];

const root = mkdtempSync(join(tmpdir(), 'khabar-files-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function story(title: string, body: string, extra = ''): string {
  return `---\ntitle: ${title}\n${extra}---\n${body}\n`;
}

/** Frontmatter and body, as a Markdown content type splits them. */
function entryInfo({ contents }: { contents: string }) {
  parsed += 1;
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(contents) ?? [];
  return { data: (parse(frontmatter) ?? {}) as Record<string, unknown>, body };
}

const entryTypes = new Map<string, FileEntryType>([
  [
    '.md',
    {
      getEntryInfo: entryInfo,
      getRenderFunction: () =>
        Promise.resolve(({ body }) =>
          Promise.resolve({
            html: `<p>${body ?? ''}</p>`,
            metadata: { imagePaths: body?.includes('![') ? ['./picture.png'] : [] },
          }),
        ),
    },
  ],
  ['.mdx', { getEntryInfo: entryInfo, contentModuleTypes: '' }],
]);

/** A store as loaders see it, with a log of what changed it. */
function recordingStore() {
  const entries = new Map<string, Record<string, unknown>>();
  const log: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Record<string, unknown>) => {
      log.push(`set ${String(entry['id'])}`);
      entries.set(String(entry['id']), entry);
      return true;
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => {
      log.push(`delete ${id}`);
      entries.delete(id);
    },
    clear: () => {
      entries.clear();
    },
    addModuleImport: (file: string) => {
      log.push(`module ${file}`);
    },
    addAssetImports: (assets: string[], file: string) => {
      log.push(`assets ${file} ${assets.join(',')}`);
    },
  };
  const kept = new Map<string, string>();
  const meta = {
    get: (key: string) => kept.get(key),
    set: (key: string, value: string) => kept.set(key, value),
    has: (key: string) => kept.has(key),
    delete: (key: string) => kept.delete(key),
  };
  return { store, entries, log, meta };
}

/** How many times the content types were asked for a file's frontmatter. */
let parsed = 0;

function context({ store, meta }: ReturnType<typeof recordingStore>, warnings: string[]) {
  const logger = {
    warn: (message: string) => warnings.push(message),
    error: (message: string) => warnings.push(`error: ${message}`),
    info: () => {},
    debug: () => {},
  };
  return {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    store,
    meta,
    logger,
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve({ ...data, checked: true }),
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16),
    entryTypes,
  } as unknown as LoaderContext & { entryTypes: Map<string, FileEntryType> };
}

const options = {
  base: './src/content/articles',
  pattern: '**/*.{md,mdx}',
  generateId: (id: { entry: string; data: Record<string, unknown> }) => storyId(id, []),
};

/** The store each loader leaves, in id order, and what each asked of it (in order for `loadFiles`). */
async function both(
  stores?: { glob: ReturnType<typeof recordingStore>; files: ReturnType<typeof recordingStore> },
  idRules?: string,
) {
  const globStore = stores?.glob ?? recordingStore();
  const filesStore = stores?.files ?? recordingStore();
  globStore.log.length = 0;
  filesStore.log.length = 0;
  const globWarnings: string[] = [];
  const filesWarnings: string[] = [];
  await glob({ base: options.base, pattern: options.pattern }).load(context(globStore, globWarnings));
  parsed = 0;
  await loadFiles({ ...options, idRules }, context(filesStore, filesWarnings));
  const filesParsed = parsed;
  const sorted = (entries: Map<string, unknown>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    glob: sorted(globStore.entries),
    files: sorted(filesStore.entries),
    globLog: [...globStore.log].sort(),
    filesLog: [...filesStore.log].sort(),
    globWarnings,
    filesWarnings,
    stores: { glob: globStore, files: filesStore },
    filesParsed,
  };
}

describe('loadFiles, the build’s read of a collection', () => {
  it('warns as glob() does when the folder is missing', async () => {
    const result = await both();
    expect(result.files).toEqual([]);
    expect(result.filesWarnings).toEqual(result.globWarnings);
    expect(result.filesWarnings[0]).toMatch(/does not exist/);
  });

  it('stores every file as glob() does: ids, data, bodies, digests, rendered HTML and deferred MDX', async () => {
    write('src/content/articles/summit.md', story('القمة', 'نص القمة'));
    write('src/content/articles/2016/Economy News.md', story('الاقتصاد', 'نص ![صورة](./picture.png)'));
    write('src/content/articles/culture/index.md', story('الثقافة', 'فهرس'));
    write('src/content/articles/named.md', story('بعنوان', 'نص', 'slug: قمة-العشرين\n'));
    write('src/content/articles/interview.mdx', story('حوار', '<Aside>نص</Aside>'));
    write('src/content/articles/notes.txt', 'not a story');
    const result = await both();
    expect(result.files.map(([id]) => id)).toEqual([
      '2016/economy-news',
      'culture',
      'interview',
      'summit',
      'قمة-العشرين',
    ]);
    expect(result.files).toEqual(result.glob);
    expect(result.filesLog).toEqual(result.globLog);
    expect(result.filesWarnings).toEqual(result.globWarnings);
    const entry = (id: string) => result.files.find(([key]) => key === id)?.[1];
    expect(entry('2016/economy-news')).toMatchObject({
      filePath: 'src/content/articles/2016/Economy News.md',
      data: { title: 'الاقتصاد', checked: true },
      rendered: { html: '<p>نص ![صورة](./picture.png)\n</p>' },
      assetImports: ['./picture.png'],
    });
    expect(entry('interview')).toMatchObject({ deferredRender: true });
  });

  it('keeps an unchanged file’s entry, takes a changed one again and drops a deleted one, as glob() does', async () => {
    const first = await both();
    write('src/content/articles/summit.md', story('القمة', 'نص القمة مصححاً'));
    unlinkSync(join(root, 'src/content/articles/culture/index.md'));
    const second = await both(first.stores);
    expect(second.files).toEqual(second.glob);
    expect(second.filesLog).toEqual(second.globLog);
    expect(second.filesParsed).toBe(4);
    // Only the edited story is stored again; the MDX file and the story with a picture keep their imports.
    expect(second.filesLog).toEqual([
      'assets src/content/articles/2016/Economy News.md ./picture.png',
      'delete culture',
      'module src/content/articles/interview.mdx',
      'set summit',
    ]);
  });

  it('reads again only the frontmatter of changed files while the ids are made as when they were stored', async () => {
    const rules = JSON.stringify(['en']);
    const first = await both(undefined, rules);
    expect(first.filesParsed).toBe(4);
    write('src/content/articles/summit.md', story('القمة', 'نص القمة مصححاً مرة ثانية'));
    write('src/content/articles/new.md', story('جديد', 'خبر جديد'));
    const second = await both(first.stores, rules);
    // The edited story and the new one: the unchanged files keep their entries, ids and imports.
    expect(second.filesParsed).toBe(2);
    expect(second.files).toEqual(second.glob);
    expect(second.filesLog).toEqual(second.globLog);
    // Ids made another way (the editions, the id function's code): every file is parsed again.
    const third = await both(second.stores, JSON.stringify(['en', 'fr']));
    expect(third.filesParsed).toBe(5);
    expect(third.files).toEqual(third.glob);
  });
});
