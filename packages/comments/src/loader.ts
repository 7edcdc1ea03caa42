import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { PublicCommentSchema } from './store/comment.ts';
import { listIds } from './store/fs.ts';

export interface CommentsLoaderOptions {
  /** The comments folder, relative to the project root (the same as the integration's `dir`). @example 'comments' */
  dir?: string;
}

/**
 * A content loader for approved comments. It reads `<dir>/approved/` and nothing else: pending, spam and
 * trashed comments, and the private halves (e-mail, address, user agent), never reach the build.
 *
 * @example
 * // src/content.config.ts
 * import { defineCollection } from 'astro:content';
 * import { commentsLoader } from 'khabar-comments/loader';
 * export const collections = { comments: defineCollection({ loader: commentsLoader({ dir: 'comments' }) }) };
 */
export function commentsLoader(options: CommentsLoaderOptions = {}): Loader {
  const dir = options.dir ?? 'comments';
  return {
    name: 'khabar-comments',
    schema: PublicCommentSchema,
    load: async (context) => {
      // parseData and generateDigest are declared as methods, so they are called on the context, not detached.
      const { store, logger, config, watcher } = context;
      const folder = resolve(fileURLToPath(config.root), dir, 'approved');
      const sync = async () => {
        store.clear();
        let count = 0;
        for (const id of await listIds(folder)) {
          const file = join(folder, `${id}.json`);
          let raw: unknown;
          try {
            raw = JSON.parse(await readFile(file, 'utf8'));
          } catch (error) {
            logger.warn(`Skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
            continue;
          }
          const checked = PublicCommentSchema.safeParse(raw);
          if (!checked.success || checked.data.id !== id) {
            logger.warn(
              `Skipped ${file}: not a valid approved comment (${checked.success ? 'id does not match the file name' : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}).`,
            );
            continue;
          }
          const data = await context.parseData({ id, data: checked.data });
          store.set({ id, data, digest: context.generateDigest(checked.data) });
          count++;
        }
        logger.info(`${count} approved comment(s) loaded from ${folder}`);
      };
      await sync();
      if (watcher) {
        watcher.add(folder);
        watcher.on('all', (_event, path) => {
          if (path.startsWith(folder + sep)) void sync();
        });
      }
    },
  };
}
