/**
 * Exports: the JSON that `khabar-comments export` prints and `serve --export` keeps current, and a
 * read-only store over one (`export:<file or URL>`), so a build can read approved comments without the
 * database being on the build machine, and `migrate` can restore a backup.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'astro/zod';
import {
  PrivateCommentSchema,
  PublicCommentSchema,
  StatusSchema,
  type CommentStatus,
  type PublicComment,
  type StoredComment,
} from './comment.ts';
import { writeSynced } from './durable.ts';
import { MemoryStore } from './memory.ts';
import type { CommentStore, ListFilter } from './types.ts';

/** An export file. `private` is present only in an export made with `--private` (a full backup). */
export const ExportSchema = z
  .object({
    version: z.literal(1),
    /** When it was written (ISO 8601). */
    exportedAt: z.string(),
    comments: z.array(
      z
        .object({
          status: StatusSchema,
          public: PublicCommentSchema,
          private: PrivateCommentSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type CommentsExport = z.infer<typeof ExportSchema>;

/** Pure: the export of `comments`, with or without their private halves. */
export function buildExport(
  comments: readonly StoredComment[],
  at: Date,
  withPrivate: boolean,
): CommentsExport {
  return {
    version: 1,
    exportedAt: at.toISOString(),
    comments: comments.map((c) =>
      withPrivate
        ? { status: c.status, public: c.public, private: c.private }
        : { status: c.status, public: c.public },
    ),
  };
}

/** The JSON text of an export, as `khabar-comments export` prints it. */
export function exportText(data: CommentsExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Writes an export atomically: a temporary file beside it, fsynced, renamed over it, and the folder
 * fsynced, so a reader (a build fetching it) sees the old file or the new one, never half of one.
 */
export async function writeExportFile(path: string, data: CommentsExport): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  await writeSynced(tmp, exportText(data), { mode: 0o644, flag: 'wx' });
  await rename(tmp, path);
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Reads and checks an export from a file or an http(s) URL; errors name the source and the bad field. */
export async function readExport(source: { path: string } | { url: string }): Promise<CommentsExport> {
  const where = 'url' in source ? source.url : source.path;
  let text: string;
  if ('url' in source) {
    const response = await fetch(source.url, { signal: AbortSignal.timeout(30_000) }).catch(
      (error: unknown) => {
        throw new Error(`Could not fetch the comments export ${where}: ${String(error)}`, { cause: error });
      },
    );
    if (!response.ok)
      throw new Error(`Could not fetch the comments export ${where}: HTTP ${response.status}`);
    text = await response.text();
  } else {
    text = await readFile(source.path, 'utf8').catch((error: unknown) => {
      throw new Error(`Could not read the comments export ${where}: ${String(error)}`, { cause: error });
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The comments export ${where} is not JSON: ${String(error)}`, { cause: error });
  }
  const parsed = ExportSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `The comments export ${where} is not a khabar-comments export: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

/** A private half for a comment exported without one: nothing known. */
function emptyPrivate(id: string): StoredComment['private'] {
  return { id, email: '', ip: null, userAgent: '', consent: false };
}

const readOnly = (where: string) =>
  Promise.reject(
    new Error(`${where} is an export, which is read-only: write to the store it was exported from`),
  );

/** A read-only store over an export: the loader's and `migrate --from`'s view of it. */
export class ExportStore implements CommentStore {
  readonly where: string;
  readonly #memory: MemoryStore;
  readonly #approved: PublicComment[];

  private constructor(where: string, memory: MemoryStore, approved: PublicComment[]) {
    this.where = where;
    this.#memory = memory;
    this.#approved = approved;
  }

  static async open(source: { path: string } | { url: string }): Promise<ExportStore> {
    const data = await readExport(source);
    const memory = new MemoryStore();
    for (const c of data.comments)
      await memory.add({
        status: c.status,
        public: c.public,
        private: c.private ?? emptyPrivate(c.public.id),
      });
    const approved = (await memory.list({ status: 'approved' })).map((c) => c.public);
    return new ExportStore('url' in source ? source.url : source.path, memory, approved);
  }

  add(): Promise<void> {
    return readOnly(this.where);
  }
  get(id: string): Promise<StoredComment | undefined> {
    return this.#memory.get(id);
  }
  list(filter?: ListFilter): Promise<StoredComment[]> {
    return this.#memory.list(filter);
  }
  setStatus(_id: string, _status: CommentStatus): Promise<StoredComment | undefined> {
    return readOnly(this.where);
  }
  delete(): Promise<boolean> {
    return readOnly(this.where);
  }
  findDuplicate(comment: StoredComment): Promise<string | undefined> {
    return this.#memory.findDuplicate(comment);
  }
  hasApprovedAuthor(avatar: string): Promise<boolean> {
    return this.#memory.hasApprovedAuthor(avatar);
  }
  approved(): Promise<PublicComment[]> {
    return Promise.resolve(this.#approved.map((c) => ({ ...c })));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The export of the approved comments' public halves (what `serve --export` writes). */
async function approvedExport(store: CommentStore): Promise<CommentsExport> {
  const comments = store.approved
    ? await store.approved()
    : (await store.list({ status: 'approved' })).map((c) => c.public);
  return {
    version: 1,
    exportedAt: new Date().toISOString(),
    comments: comments.map((c) => ({ status: 'approved' as const, public: c })),
  };
}

export interface ExportKeeper {
  /** Rewrites the file if the approved comments changed since it was last written. */
  refresh(): Promise<void>;
  /** Stops polling, after the write under way. */
  stop(): Promise<void>;
}

/**
 * Keeps an export of the approved comments current for builds that cannot reach the store: written
 * now, then whenever the store's `approvedVersion` changes (checked every `intervalMs`, so approvals
 * made from the CLI or by another receiver are seen) and when `refresh` is called.
 */
export function keepExportCurrent(
  store: CommentStore,
  file: string,
  options: { intervalMs?: number; logger?: Pick<Console, 'error'> } = {},
): ExportKeeper {
  const logger = options.logger ?? console;
  let written: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  const write = async () => {
    const version = await store.approvedVersion?.();
    if (version !== undefined && version === written) return;
    await writeExportFile(file, await approvedExport(store));
    written = version;
  };
  const refresh = () => {
    chain = chain.then(write).catch((error: unknown) => {
      logger.error(`khabar-comments: could not write the export ${file}: ${String(error)}`);
    });
    return chain;
  };
  const timer = setInterval(() => void refresh(), options.intervalMs ?? 5000);
  timer.unref();
  return {
    refresh,
    stop: () => {
      clearInterval(timer);
      return chain;
    },
  };
}
