import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynced } from './store/durable.ts';
import { ManifestSchema, type KhabarCommentsOptions, type Manifest, type Post } from './config/options.ts';

/** The manifest's file name inside the comments folder. */
export const MANIFEST_FILE = 'site.json';

/** One entry per post id (the first the site listed wins), sorted by id so the file is stable. */
export function uniquePosts(posts: readonly Post[]): Post[] {
  const byId = new Map<string, Post>();
  for (const post of posts) if (!byId.has(post.id)) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The manifest a build writes: the integration's rules, the site's origins and posts, never the secret. */
export function buildManifest(
  options: KhabarCommentsOptions,
  build: { origins: string[]; generatedAt: string; posts: readonly Post[]; store?: string | undefined },
): Manifest {
  return {
    version: 1,
    generatedAt: build.generatedAt,
    origins: build.origins,
    endpoint: options.endpoint,
    maxDepth: options.maxDepth,
    closeAfterDays: options.closeAfterDays,
    moderation: options.moderation,
    requireNameEmail: options.requireNameEmail,
    trustedProxies: options.trustedProxies,
    ...(options.deployHook ? { deployHook: options.deployHook } : {}),
    limits: options.limits,
    locale: options.locale,
    strings: options.strings,
    ...(build.store ? { store: build.store } : {}),
    timeZone: options.timeZone,
    posts: uniquePosts(build.posts),
  };
}

/** Writes `site.json` atomically (write, fsync, rename). */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, MANIFEST_FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  await writeSynced(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644, flag: 'w' });
  await rename(tmp, target);
}

/** Reads and validates `site.json`; undefined when there is none yet. Throws with the reason when it is broken. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${join(dir, MANIFEST_FILE)} is not a valid manifest: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Posts from the manifest, re-read when the site is rebuilt (the file's mtime changes, checked at most
 * once a second), so a running receiver learns about new articles without a restart.
 */
export class ManifestPosts {
  #posts = new Map<string, Post>();
  #mtimeMs = -1;
  #checkedAt = 0;
  #loading: Promise<void> | undefined;

  readonly dir: string;
  readonly now: () => number;

  constructor(dir: string, now: () => number = Date.now) {
    this.dir = dir;
    this.now = now;
  }

  async #refresh(): Promise<void> {
    if (this.now() - this.#checkedAt < 1000 && this.#mtimeMs >= 0) return;
    this.#loading ??= (async () => {
      try {
        const { mtimeMs } = await stat(join(this.dir, MANIFEST_FILE)).catch(() => ({ mtimeMs: -1 }));
        this.#checkedAt = this.now();
        if (mtimeMs === this.#mtimeMs) return;
        const manifest = await readManifest(this.dir);
        this.#posts = new Map((manifest?.posts ?? []).map((post) => [post.id, post]));
        this.#mtimeMs = mtimeMs;
      } finally {
        this.#loading = undefined;
      }
    })();
    await this.#loading;
  }

  /** The lookup to pass as `posts` to `createHandler`. */
  readonly lookup = async (id: string): Promise<Post | undefined> => {
    await this.#refresh();
    return this.#posts.get(id);
  };
}
