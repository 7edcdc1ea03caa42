/**
 * Parts of the search index kept between builds (`search-index.ts`). A part's key is a digest of what
 * Pagefind would be given (every story's URL and key, in order: the digest of what its record is computed
 * from, or the document itself) with Pagefind's version, the language and this cache's format: the same
 * key means Pagefind would write the same part, so the build takes the stored files instead of
 * computing the stories' records and indexing them again. Parts are cut along spans fixed in time
 * (`lib/search/parts.ts`), so after one story is published or corrected, every part but one is found here.
 *
 * An entry is a folder `<key>/` with the part's files and a `<key>.json` beside it holding how many
 * stories it indexed; the JSON is written last, so a build stopped halfway leaves no entry that looks
 * whole. Files are hard-linked into the build (copied where links cannot be made), so taking a part
 * costs no copy of its files. After a build, entries it did not use are removed.
 */
import { createHash, type Hash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Changes when what this cache stores, or how the theme calls Pagefind, changes. */
const FORMAT = 'khabar-search-part/2';

/** The version of the Pagefind package the build runs. */
async function pagefindVersion(): Promise<string> {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** Links every file of `from` into `to` (created), copying a file where a link cannot be made. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else
      await link(source, target).catch(async (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP'].includes(code)) throw error;
        await copyFile(source, target);
      });
  }
}

/** The digest that names a part, fed the part's documents one by one. */
export class PartKey {
  readonly #hash: Hash;

  constructor(salt: string) {
    this.#hash = createHash('sha256').update(salt);
  }

  /** Adds a story by its URL and key; a NUL after each field keeps `a` + `bc` apart from `ab` + `c`. */
  add(url: string, key: string): void {
    this.#hash.update(url).update('\0').update(key).update('\0');
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

export class SearchPartCache {
  readonly #dir: string;
  readonly #used = new Set<string>();
  #salt: Promise<string> | undefined;

  /** `dir` is a folder of the cache's own (created when first written). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** A new key for a part in `language`. */
  async key(language: string): Promise<PartKey> {
    this.#salt ??= pagefindVersion().then((version) => `${FORMAT}\0pagefind ${version}\0`);
    return new PartKey(`${await this.#salt}${language}\0`);
  }

  /** Puts the stored part `key` at `to`; returns how many stories it holds, or undefined if none is stored. */
  async take(key: string, to: string): Promise<number | undefined> {
    let stories: number;
    try {
      ({ stories } = JSON.parse(await readFile(join(this.#dir, `${key}.json`), 'utf8')) as {
        stories: number;
      });
      await rm(to, { recursive: true, force: true });
      await linkTree(join(this.#dir, key), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    this.#used.add(key);
    return stories;
  }

  /** Stores the part written at `from` under `key`. */
  async store(key: string, from: string, stories: number): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const folder = join(this.#dir, key);
    const building = `${folder}.${process.pid}.tmp`;
    await rm(building, { recursive: true, force: true });
    await linkTree(from, building);
    await rm(folder, { recursive: true, force: true });
    await rename(building, folder);
    await writeFile(join(this.#dir, `${key}.json`), JSON.stringify({ stories }));
    this.#used.add(key);
  }

  /** Removes every entry this build neither took nor stored; returns how many went. */
  async prune(): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.#dir).catch(() => [])) {
      const key = name.replace(/\.json$/, '');
      if (this.#used.has(key)) continue;
      await rm(join(this.#dir, name), { recursive: true, force: true });
      if (!name.endsWith('.json')) removed++;
    }
    return removed;
  }

  /** How many parts this build took from the cache or put in it. */
  get used(): number {
    return this.#used.size;
  }
}
