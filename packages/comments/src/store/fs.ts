import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  COMMENT_ID,
  PrivateCommentSchema,
  PublicCommentSchema,
  STATUSES,
  type CommentStatus,
  type PrivateComment,
  type PublicComment,
  type StoredComment,
} from './comment.ts';
import { writeSynced } from './durable.ts';
import { duplicateKeys } from './fingerprint.ts';
import { CorruptCommentError, type CommentStore, type CorruptRecord, type ListFilter } from './types.ts';
import { describeIssues } from '../config/friendly-errors.ts';
import { describeJsonError } from '../lib/json.ts';

/** Sub-folders of the comments folder. The site build reads `approved/` and nothing else. */
export const FOLDERS = { private: 'private', tmp: '.tmp' } as const;

/**
 * Group commit for directory fsyncs: callers that arrive while a sync is running share the next one, so
 * two thousand concurrent writes cost a handful of directory syncs, and each caller still resolves only
 * after a sync that started after its rename.
 */
class DirSyncer {
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  readonly path: string;
  constructor(path: string) {
    this.path = path;
  }

  sync(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#run().finally(() => (this.#running = undefined));
      return this.#running;
    }
    this.#next ??= this.#running.then(() => {
      this.#next = undefined;
      return this.sync();
    });
    return this.#next;
  }

  async #run(): Promise<void> {
    const handle = await open(this.path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * The embedded store: one JSON file per comment, in a folder per status, private fields in `private/`.
 * Writes go to `.tmp/`, are fsynced, renamed into place and the folder is fsynced, so a comment is either
 * wholly there or not there at all, even after a power cut or `kill -9`.
 */
export class FileStore implements CommentStore {
  readonly dir: string;
  readonly #syncers = new Map<string, DirSyncer>();
  #ready: Promise<void> | undefined;
  /** Duplicate keys → comment id, built on first use and kept current by this process's writes. */
  #duplicates: Map<string, string> | undefined;
  #approvedAvatars: { mtimeMs: number; avatars: Set<string> } | undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /**
   * Creates the folders and clears `.tmp/` of what writes cut short left there (a crash, a kill -9).
   * Called by every write; call it early to fail fast on a read-only disk.
   */
  init(): Promise<void> {
    this.#ready ??= (async () => {
      for (const folder of [...STATUSES, FOLDERS.private, FOLDERS.tmp]) {
        await mkdir(join(this.dir, folder), { recursive: true });
      }
      await sweepTmp(join(this.dir, FOLDERS.tmp), Date.now());
    })();
    return this.#ready;
  }

  #syncer(folder: string): DirSyncer {
    let syncer = this.#syncers.get(folder);
    if (!syncer) {
      syncer = new DirSyncer(join(this.dir, folder));
      this.#syncers.set(folder, syncer);
    }
    return syncer;
  }

  /** Writes `data` to a new file in `.tmp/` and fsyncs it; returns its path. */
  async #prepare(name: string, data: unknown): Promise<string> {
    const tmp = join(this.dir, FOLDERS.tmp, `${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    await writeSynced(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return tmp;
  }

  /**
   * Puts a prepared file in place under a name that must be new, and fsyncs the folder. link() fails
   * atomically when the name is taken, where a check-then-rename would race.
   */
  async #commitNew(tmp: string, folder: string, name: string): Promise<void> {
    try {
      await link(tmp, join(this.dir, folder, name));
    } catch (error) {
      throw new Error(`A comment file ${folder}/${name} already exists`, { cause: error });
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    await this.#syncer(folder).sync();
  }

  async #findStatus(id: string): Promise<CommentStatus | undefined> {
    for (const status of STATUSES) {
      if (await exists(join(this.dir, status, `${id}.json`))) return status;
    }
    return undefined;
  }

  async add(comment: StoredComment): Promise<void> {
    await this.init();
    const publicData = PublicCommentSchema.parse(comment.public);
    const privateData = PrivateCommentSchema.parse(comment.private);
    if (publicData.id !== privateData.id) throw new Error('The public and private halves have different ids');
    // Both halves are written and fsynced side by side (the slow part), then put in place private half
    // first, its folder fsynced before the public half appears: a crash at any point leaves either the
    // whole comment or, at worst, a private half no reader lists, never a public comment without its
    // private fields. Both are in place before `add` resolves, and so before the receiver answers 2xx.
    const name = `${publicData.id}.json`;
    const prepared = await Promise.allSettled([
      this.#prepare(name, privateData),
      this.#prepare(name, publicData),
    ]);
    const [privateTmp, publicTmp] = prepared.map((result) =>
      result.status === 'fulfilled' ? result.value : undefined,
    );
    if (privateTmp === undefined || publicTmp === undefined) {
      // One half could not be written (a full disk): the other, with the reader's text, goes too.
      for (const tmp of [privateTmp, publicTmp]) if (tmp) await unlink(tmp).catch(() => undefined);
      throw (prepared.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason;
    }
    try {
      await this.#commitNew(privateTmp, FOLDERS.private, name);
    } catch (error) {
      await unlink(publicTmp).catch(() => undefined);
      throw error;
    }
    try {
      await this.#commitNew(publicTmp, comment.status, name);
    } catch (error) {
      // The comment was not stored: its private half, put in place a moment ago, is not kept either.
      await unlink(join(this.dir, FOLDERS.private, name)).catch(() => undefined);
      throw error;
    }
    if (this.#duplicates) for (const key of duplicateKeys(comment)) this.#duplicates.set(key, publicData.id);
  }

  async #read(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    const publicData = await readJson(join(this.dir, status, `${id}.json`), PublicCommentSchema);
    // A file that holds another comment's id is damaged, not that comment: `corrupt()` reports it.
    if (publicData?.id !== id) return undefined;
    const privateData = (await readJson(
      join(this.dir, FOLDERS.private, `${id}.json`),
      PrivateCommentSchema,
    )) ?? {
      id,
      email: '',
      ip: null,
      userAgent: '',
      consent: false,
    };
    return { status, public: publicData, private: privateData };
  }

  /** What is wrong with the comment `id` in `status`, or undefined when it reads well (or is not there). */
  async #inspect(id: string, status: CommentStatus): Promise<CorruptRecord | undefined> {
    const file = join(this.dir, status, `${id}.json`);
    const publicHalf = await readChecked(file, PublicCommentSchema);
    if (!publicHalf) return undefined;
    if (!publicHalf.ok) return { id, status, file, reason: publicHalf.reason };
    if (publicHalf.data.id !== id)
      return { id, status, file, reason: `holds the comment ${publicHalf.data.id}, not ${id}` };
    const privateFile = join(this.dir, FOLDERS.private, `${id}.json`);
    const privateHalf = await readChecked(privateFile, PrivateCommentSchema);
    if (privateHalf && !privateHalf.ok) return { id, status, file: privateFile, reason: privateHalf.reason };
    return undefined;
  }

  /** The comment files that are there but cannot be read, which `list` and `get` leave out. */
  async corrupt(filter: ListFilter & { id?: string | undefined } = {}): Promise<CorruptRecord[]> {
    const out: CorruptRecord[] = [];
    if (filter.id !== undefined && !COMMENT_ID.test(filter.id)) return out;
    for (const status of filter.status ? [filter.status] : STATUSES) {
      const ids = filter.id === undefined ? await listIds(join(this.dir, status)) : [filter.id];
      for (const id of ids) {
        const record = await this.#inspect(id, status);
        if (record) out.push(record);
      }
    }
    return out;
  }

  // Reads never create the folders: reading a store (a build, `migrate --from`) leaves it as it was.
  async get(id: string): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return undefined;
    const status = await this.#findStatus(id);
    return status ? this.#read(id, status) : undefined;
  }

  async list(filter: ListFilter = {}): Promise<StoredComment[]> {
    const out: StoredComment[] = [];
    for (const status of filter.status ? [filter.status] : STATUSES) {
      for (const id of await listIds(join(this.dir, status))) {
        const comment = await this.#read(id, status);
        if (comment && (!filter.postId || comment.public.postId === filter.postId)) out.push(comment);
      }
    }
    return out.sort(
      (a, b) =>
        a.public.createdAt.localeCompare(b.public.createdAt) || a.public.id.localeCompare(b.public.id),
    );
  }

  async setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined> {
    if (!COMMENT_ID.test(id)) return undefined;
    await this.init();
    const current = await this.#findStatus(id);
    if (!current) return undefined;
    // A damaged comment is not moved half-way: it stays where it is, for a moderator to restore or delete.
    const damaged = await this.#inspect(id, current);
    if (damaged) throw new CorruptCommentError(damaged);
    if (current !== status) {
      await rename(join(this.dir, current, `${id}.json`), join(this.dir, status, `${id}.json`));
      await Promise.all([this.#syncer(status).sync(), this.#syncer(current).sync()]);
    }
    return this.#read(id, status);
  }

  async delete(id: string): Promise<boolean> {
    if (!COMMENT_ID.test(id)) return false;
    await this.init();
    const status = await this.#findStatus(id);
    if (status) {
      await unlink(join(this.dir, status, `${id}.json`));
      await this.#syncer(status).sync();
    }
    const hadPrivate = await rm(join(this.dir, FOLDERS.private, `${id}.json`)).then(
      () => true,
      () => false,
    );
    // Halves of this comment a failed or interrupted write left in `.tmp/` are erased with it.
    const tmp = join(this.dir, FOLDERS.tmp);
    const leftovers = (await readdir(tmp).catch(() => [] as string[])).filter((file) =>
      file.startsWith(`${id}.json.`),
    );
    for (const file of leftovers) await rm(join(tmp, file), { force: true });
    return Boolean(status) || hadPrivate || leftovers.length > 0;
  }

  async findDuplicate(comment: StoredComment): Promise<string | undefined> {
    if (!this.#duplicates) {
      const index = new Map<string, string>();
      for (const other of await this.list()) {
        if (other.status === 'trash') continue;
        for (const key of duplicateKeys(other)) index.set(key, other.public.id);
      }
      this.#duplicates ??= index;
    }
    for (const key of duplicateKeys(comment)) {
      const id = this.#duplicates.get(key);
      if (!id || id === comment.public.id) continue;
      // The moderator may have trashed or deleted it since, from the CLI in another process.
      const status = await this.#findStatus(id);
      if (status && status !== 'trash') return id;
      this.#duplicates.delete(key);
    }
    return undefined;
  }

  async hasApprovedAuthor(avatar: string): Promise<boolean> {
    const folder = join(this.dir, 'approved');
    const mtimeMs = await folderTime(folder);
    if (this.#approvedAvatars?.mtimeMs !== mtimeMs) {
      const avatars = new Set<string>();
      for (const id of await listIds(folder)) {
        const data = await readJson(join(folder, `${id}.json`), PublicCommentSchema);
        if (data) avatars.add(data.avatar);
      }
      this.#approvedAvatars = { mtimeMs, avatars };
    }
    return this.#approvedAvatars.avatars.has(avatar);
  }

  /** The public halves in `approved/`, oldest first: the private folder is never read. */
  async approved(): Promise<PublicComment[]> {
    const folder = join(this.dir, 'approved');
    const out: PublicComment[] = [];
    for (const id of await listIds(folder)) {
      const data = await readJson(join(folder, `${id}.json`), PublicCommentSchema);
      if (data?.id === id) out.push(data);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** The approved folder's modification time and count: a rename in or out changes the time. */
  async approvedVersion(): Promise<string> {
    const folder = join(this.dir, 'approved');
    return `${(await listIds(folder)).length}:${await folderTime(folder)}`;
  }

  /** Nothing to release: every write is already durable when it resolves. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A file in `.tmp/` older than this is a leftover whoever wrote it: a write takes seconds at most. */
const TMP_MAX_AGE_MS = 60 * 60 * 1000;

/** True unless `pid` is certainly not a running process (ESRCH); EPERM means it runs as another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes from `.tmp/` the files no write will finish: those of a process that is no longer running
 * (the writer's pid is in the name) and any older than an hour. Another running process's files are
 * left alone, so the CLI never removes a file the receiver is writing. Best effort: a folder that
 * cannot be read or written is reported by the write that needs it, not here.
 */
export async function sweepTmp(folder: string, now: number): Promise<string[]> {
  const removed: string[] = [];
  for (const file of await readdir(folder).catch(() => [] as string[])) {
    const path = join(folder, file);
    const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(file)?.[1] ?? Number.NaN);
    const abandoned = Number.isInteger(pid) && pid !== process.pid && !isRunning(pid);
    const old =
      abandoned || now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs > TMP_MAX_AGE_MS;
    if (
      old &&
      (await rm(path, { force: true }).then(
        () => true,
        () => false,
      ))
    )
      removed.push(file);
  }
  return removed;
}

async function folderTime(folder: string): Promise<number> {
  try {
    return (await stat(folder)).mtimeMs;
  } catch {
    return -1;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The comment ids in a folder: well-formed `<id>.json` names only. */
export async function listIds(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .filter((id) => COMMENT_ID.test(id))
    .sort();
}

/** A file read and validated: its data, or what is wrong with it; undefined when there is no file. */
async function readChecked<T>(
  path: string,
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
  },
): Promise<{ ok: true; data: T } | { ok: false; reason: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // A file that cannot be read (permissions, the disk) is not a damaged one: the caller hears why.
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `is not valid JSON: ${describeJsonError(text, error)}` };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = describeIssues(parsed.error.issues as Parameters<typeof describeIssues>[0], data, '');
  return { ok: false, reason: `does not hold a valid comment:\n${issues.join('\n')}` };
}

async function readJson<T>(
  path: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type { PrivateComment, PublicComment };
