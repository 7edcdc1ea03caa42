import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynced } from './store/durable.ts';
import { describeIssues, KhabarCommentsConfigError } from './config/friendly-errors.ts';
import { describeJsonError } from './lib/json.ts';
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

/** A `site.json` that cannot be used: the message names the file and the fault, for the site owner. */
export { describeJsonError };

export class ManifestError extends KhabarCommentsConfigError {
  override name = 'ManifestError';
  readonly file: string;
  constructor(file: string, fault: string) {
    super(
      `site.json at ${file} ${fault}`,
      'Build the site again (astro build) to rewrite it, or restore it; the receiver only reads it.',
    );
    this.file = file;
  }
}

/**
 * Reads and validates `site.json`; undefined when there is none yet. Throws a `ManifestError` naming the
 * file and the fault (not JSON, with the line and column; a field that is wrong; unreadable) when it is
 * broken.
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ManifestError(file, `cannot be read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(file, `is not valid JSON: ${describeJsonError(text, error)}`);
  }
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success)
    throw new ManifestError(
      file,
      `is not a valid manifest:\n${describeIssues(parsed.error.issues, data, '').join('\n')}`,
    );
  return parsed.data;
}

/**
 * Posts from the manifest, re-read when the site is rebuilt (the file's mtime changes, checked at most
 * once a second), so a running receiver learns about new articles without a restart. A manifest that
 * turns out broken (a build cut short, a hand edit) is not taken: the last good one keeps serving, and a
 * warning names the file and the fault, once per change of the file. With no good manifest at all the
 * lookup throws `ManifestError`, which the receiver answers with a 503 in the reader's language.
 */
export class ManifestPosts {
  #posts = new Map<string, Post>();
  #mtimeMs = -1;
  #checkedAt = 0;
  #loading: Promise<void> | undefined;
  /** Set while the file is broken and no good manifest was ever read. */
  #broken: ManifestError | undefined;
  #good = false;

  readonly dir: string;
  readonly now: () => number;
  readonly logger: Pick<Console, 'warn'>;

  constructor(dir: string, now: () => number = Date.now, logger: Pick<Console, 'warn'> = console) {
    this.dir = dir;
    this.now = now;
    this.logger = logger;
  }

  async #refresh(): Promise<void> {
    if (this.now() - this.#checkedAt < 1000 && this.#mtimeMs >= 0) return;
    this.#loading ??= (async () => {
      try {
        const { mtimeMs } = await stat(join(this.dir, MANIFEST_FILE)).catch(() => ({ mtimeMs: -1 }));
        this.#checkedAt = this.now();
        if (mtimeMs === this.#mtimeMs) return;
        try {
          const manifest = await readManifest(this.dir);
          this.#posts = new Map((manifest?.posts ?? []).map((post) => [post.id, post]));
          this.#good = true;
          this.#broken = undefined;
        } catch (error) {
          if (!(error instanceof ManifestError)) throw error;
          const state = this.#good
            ? 'The receiver keeps the posts of the last good one.'
            : 'No post takes comments until it is fixed.';
          this.logger.warn(`khabar-comments: warning: ${error.message}\n${state}`);
          if (!this.#good) this.#broken = error;
        }
        // Set last: a lookup that arrives while the file is read waits for it rather than skip it.
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
    if (this.#broken) throw this.#broken;
    return this.#posts.get(id);
  };
}
