import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { PublicCommentSchema, type PublicComment } from './store/comment.ts';
import { listIds } from './store/fs.ts';
import { inspectFolder, openStore } from './store/open.ts';
import { defaultStoreSpec, describeStore, parseStoreSpec, type StoreSpec } from './store/spec.ts';

/** Where the integration leaves the store it resolved, for a loader given none (set in `astro:config:setup`). */
export const STORE_GLOBAL = Symbol.for('khabar-comments:store');

export interface CommentsLoaderOptions {
  /** The comments folder, relative to the project root (the same as the integration's `dir`). @example 'comments' */
  dir?: string;
  /**
   * The store to read, as the integration's `store` option: `'sqlite:comments/comments.db'`,
   * `'file:comments'`, `'postgres://…'`, or `'export:comments/approved.json'` (a file or an http(s) URL
   * that `khabar-comments serve --export` or `khabar-comments export --out` wrote), for a build without
   * the database. Paths are relative to the project root. By default, the integration's store, else the
   * one found in `dir`.
   * @example 'export:https://comments.news.example/approved.json'
   */
  store?: string;
}

/** What the integration resolved: its comments folder and its store. */
export interface IntegrationStore {
  dir: string;
  spec: StoreSpec;
}

/**
 * Which store the loader reads: its own `store`, else the integration's when the loader names no other
 * folder than the integration's, else the default of its folder.
 */
export function loaderStore(options: CommentsLoaderOptions, root: string): StoreSpec {
  if (options.store) return parseStoreSpec(options.store, root, 'commentsLoader({ store })');
  const dir = resolve(root, options.dir ?? 'comments');
  const integration = (globalThis as Record<symbol, unknown>)[STORE_GLOBAL] as IntegrationStore | undefined;
  if (integration && (options.dir === undefined || integration.dir === dir)) return integration.spec;
  return defaultStoreSpec(dir, inspectFolder(dir));
}

type Sink = (comment: unknown, source: string) => Promise<boolean>;

/** The public halves in a file store's `approved/` folder (and nothing else of it). */
async function readFolder(folder: string, add: Sink, warn: (message: string) => void): Promise<void> {
  for (const id of await listIds(folder)) {
    const file = join(folder, `${id}.json`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      warn(`Skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if ((raw as { id?: unknown } | null)?.id !== id) {
      warn(`Skipped ${file}: not a valid approved comment (id does not match the file name).`);
      continue;
    }
    await add(raw, file);
  }
}

/**
 * A content loader for approved comments. It reads approved comments and their public fields only:
 * pending, spam and trashed comments, and the private halves (e-mail, address, user agent), never
 * reach the build. From a file store it reads `<dir>/approved/`; from SQLite or PostgreSQL the view of
 * approved comments; from an export, the file or URL.
 *
 * @example
 * // src/content.config.ts
 * import { defineCollection } from 'astro:content';
 * import { commentsLoader } from 'khabar-comments/loader';
 * export const collections = { comments: defineCollection({ loader: commentsLoader() }) };
 */
export function commentsLoader(options: CommentsLoaderOptions = {}): Loader {
  return {
    name: 'khabar-comments',
    schema: PublicCommentSchema,
    load: async (context: LoaderContext) => {
      // parseData and generateDigest are declared as methods, so they are called on the context, not detached.
      const { store, logger, config, watcher } = context;
      const spec = loaderStore(options, fileURLToPath(config.root));
      const add: Sink = async (raw, source) => {
        const checked = PublicCommentSchema.safeParse(raw);
        if (!checked.success) {
          logger.warn(
            `Skipped ${source}: not a valid approved comment (${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}).`,
          );
          return false;
        }
        const { id } = checked.data;
        const data = await context.parseData({ id, data: checked.data });
        store.set({ id, data, digest: context.generateDigest(checked.data) });
        return true;
      };
      const sync = async () => {
        store.clear();
        let count = 0;
        const counted: Sink = async (raw, source) => ((await add(raw, source)) ? (count++, true) : false);
        if (spec.kind === 'file') {
          await readFolder(join(spec.path, 'approved'), counted, (m) => {
            logger.warn(m);
          });
        } else if (spec.kind === 'sqlite' && !existsSync(spec.path)) {
          logger.info(`No comments database at ${spec.path} yet: no approved comments.`);
          return;
        } else {
          const source = await openStore(spec, { readOnly: true });
          try {
            const comments: PublicComment[] = source.approved
              ? await source.approved()
              : (await source.list({ status: 'approved' })).map((c) => c.public);
            for (const comment of comments) await counted(comment, `${describeStore(spec)} (${comment.id})`);
          } finally {
            await source.close();
          }
        }
        logger.info(`${count} approved comment(s) loaded from ${describeStore(spec)}`);
      };
      await sync();
      if (watcher && spec.kind === 'file') {
        const folder = join(spec.path, 'approved');
        watcher.add(folder);
        watcher.on('all', (_event, path) => {
          if (path.startsWith(folder + sep)) void sync();
        });
      }
    },
  };
}
