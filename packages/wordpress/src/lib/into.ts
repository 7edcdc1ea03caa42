/**
 * `--into`: an import merged into an existing Khabar site. The import writes everything it would
 * write into a staging folder inside the site, as for a new site; `commitInto` then puts in place only
 * what changed, file by file, each by a rename (whole or not at all), and writes the manifest last.
 * The owner's astro.config, package.json and every file an import did not write are never touched.
 *
 * A run stopped half-way (a full disk, a crash) loses nothing: every file is either the old one or the
 * new one, and the next run finds its own new files equal to what it would write, adds the comments
 * that are missing (ids are stable), and writes the manifest.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parseEnv } from 'node:util';
import {
  defaultStoreSpec,
  inspectFolder,
  openStore,
  parseStoreSpec,
  type StoreSpec,
} from 'khabar-comments/store';
import type { StoredComment } from './comments.ts';
import { parse as parseYaml } from 'yaml';
import { ImportError } from './errors.ts';
import type { ImportLedger } from './ledger.ts';
import {
  digest,
  emptyManifest,
  manifestPieces,
  MANIFEST_FILE,
  parseManifest,
  serializeManifest,
  type Manifest,
} from './manifest.ts';
import { decideFile, mergeRedirectsFile, type Decision, type FileAction } from './merge.ts';
import { readSiteConfig, type SiteConfig } from './site-config.ts';
import { writeText } from './text-file.ts';

export const ARTICLES = 'src/content/articles';
export const AUTHORS = 'src/content/authors';
export const ASSETS = 'src/assets/wp';
/** Site pages (the theme's `pages` collection). */
export const PAGES = 'src/content/pages';
/** The redirect files an import owns wholly; `public/_redirects` it may share with the owner. */
export const OWN_REDIRECTS = ['src/redirects.mjs', 'khabar-redirects.map'] as const;
export const SHARED_REDIRECTS = 'public/_redirects';
const LOCK = '.khabar-wordpress.lock';
const STAGING_PREFIX = '.khabar-wordpress-staging-';

/** A story already in the site: its slug, and its section when its frontmatter names one. */
export interface SiteStory {
  slug: string;
  section: string | undefined;
}

export interface IntoSite {
  root: string;
  config: SiteConfig;
  /** The manifest of earlier imports (empty when there was none). */
  manifest: Manifest;
  stories: SiteStory[];
  /** Slugs and file names already used by the site's stories. */
  taken: Set<string>;
  /** KHABAR_COMMENTS_SECRET from the site's `.env`, when it has one. */
  commentsSecret: string | undefined;
  /** A new staging folder: inside the site (renames stay on one disk), or in the OS's for a dry run. */
  staging(dryRun: boolean): Promise<string>;
  /** Removes the lock (and the staging folder, when there is one). */
  release(): Promise<void>;
}

const posix = (path: string) => path.split(sep).join('/');

/** Every file under a folder, as paths relative to it with forward slashes; none when it is absent. */
async function filesUnder(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => posix(relative(folder, join(entry.parentPath, entry.name))))
    .sort();
}

/** The frontmatter's `slug` and `section` of a story file, when it has them. */
function frontmatterOf(text: string): { slug?: unknown; section?: unknown } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match?.[1]) return {};
  try {
    const data: unknown = parseYaml(match[1]);
    return typeof data === 'object' && data !== null ? data : {};
  } catch {
    return {};
  }
}

/** The start of a file: its frontmatter, unless the frontmatter is longer than `bytes`. */
async function head(path: string, bytes = 16 * 1024): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function readStories(root: string): Promise<{ stories: SiteStory[]; taken: Set<string> }> {
  const folder = join(root, ARTICLES);
  const stories: SiteStory[] = [];
  const taken = new Set<string>();
  for (const file of await filesUnder(folder)) {
    if (!/\.mdx?$/.test(file)) continue;
    const name = file.replace(/\.mdx?$/, '');
    taken.add(name);
    const start = await head(join(folder, file));
    // A frontmatter longer than the first bytes read (a very long description): read the whole file.
    const data = frontmatterOf(
      /^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(start) ? start : await readFile(join(folder, file), 'utf8'),
    );
    const slug = typeof data.slug === 'string' && data.slug ? data.slug : name;
    taken.add(slug);
    stories.push({ slug, section: typeof data.section === 'string' ? data.section : undefined });
  }
  return { stories, taken };
}

async function takeLock(root: string): Promise<() => Promise<void>> {
  const path = join(root, LOCK);
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch {
    throw new ImportError(
      `${path} exists: another import into this site is running, or one was killed. When none is running, delete the file and run the import again.`,
    );
  }
  await handle.writeFile(`${process.pid}\n`);
  await handle.close();
  return () => rm(path, { force: true });
}

/**
 * Opens an existing Khabar site for `--into`: reads its khabar() options, its stories and the manifest
 * of earlier imports, and (unless `lock` is false, for a dry run) takes the site's import lock.
 */
export async function openSite(root: string, { lock = true }: { lock?: boolean } = {}): Promise<IntoSite> {
  if (!existsSync(root) || !(await stat(root)).isDirectory()) {
    throw new ImportError(`${root} does not exist: --into takes the folder of an existing Khabar site.`);
  }
  const config = await readSiteConfig(root);
  // What the import reads from here on is read under the lock, so two imports cannot both read it.
  const unlock = lock ? await takeLock(root) : () => Promise.resolve();
  try {
    return { ...(await readSite(root, config)), ...handles(root, lock, unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function readSite(root: string, config: SiteConfig) {
  const manifestPath = join(root, MANIFEST_FILE);
  const manifest = existsSync(manifestPath)
    ? parseManifest(await readFile(manifestPath, 'utf8'), manifestPath)
    : emptyManifest();
  for (const file of OWN_REDIRECTS) {
    if (existsSync(join(root, file)) && manifest.files[file] === undefined) {
      throw new ImportError(
        `${join(root, file)} was not written by khabar-wordpress (${MANIFEST_FILE} does not list it), and the import writes its redirects there: rename your file (and its import in ${config.file}) and run the import again.`,
      );
    }
  }
  const { stories, taken } = await readStories(root);
  let commentsSecret: string | undefined;
  if (existsSync(join(root, '.env'))) {
    commentsSecret =
      parseEnv(await readFile(join(root, '.env'), 'utf8'))['KHABAR_COMMENTS_SECRET'] || undefined;
  }
  return { root, config, manifest, stories, taken, commentsSecret };
}

/** The staging folders of a run and the lock; a staging folder a killed run left behind is removed. */
function handles(root: string, locked: boolean, unlock: () => Promise<void>) {
  const stagings: string[] = [];
  return {
    async staging(dryRun: boolean) {
      if (locked) {
        for (const name of await readdir(root)) {
          if (name.startsWith(STAGING_PREFIX)) await rm(join(root, name), { recursive: true, force: true });
        }
      }
      const folder = dryRun
        ? await mkdtemp(join(tmpdir(), 'khabar-wordpress-'))
        : join(root, `${STAGING_PREFIX}${randomBytes(4).toString('hex')}`);
      await mkdir(folder, { recursive: true });
      stagings.push(folder);
      return folder;
    },
    async release() {
      for (const folder of stagings) await rm(folder, { recursive: true, force: true });
      await unlock();
    },
  };
}

/** One file's fate in a run, for the report. */
export interface FileChange {
  path: string;
  action: FileAction;
  conflict: boolean;
  /** The WordPress post of a story file. */
  postId?: string;
  title?: string;
}

export interface MergeSummary {
  site: string;
  /** Every file the import considered, but those left unchanged (they are counted). */
  changes: FileChange[];
  unchanged: number;
  comments: { added: number; present: number; deletedInSite: number; notImported: number };
  /** Stories of earlier imports this run did not import (gone from the export, or now skipped): kept. */
  keptPosts: { postId: string; slug: string }[];
  /** Whether the config passes src/redirects.mjs to Astro (see site-config.ts). */
  redirectsModule: SiteConfig['redirectsModule'];
  configFile: string;
  /** Categories without posts that map onto no section. */
  unusedCategories: string[];
  /** False for a dry run: the changes were decided and none was made. */
  applied: boolean;
}

/** The digest of a file in the site, or undefined when there is none (a folder in its place counts as none). */
async function digestFile(path: string): Promise<string | undefined> {
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() ? digest(await readFile(path)) : undefined;
}

/** Which of the staged files the merge handles, and how. */
function kindOf(path: string): 'file' | 'shared' | undefined {
  if (path === SHARED_REDIRECTS) return 'shared';
  if ((OWN_REDIRECTS as readonly string[]).includes(path)) return 'file';
  if ([ARTICLES, AUTHORS, ASSETS, PAGES].some((folder) => path.startsWith(`${folder}/`))) return 'file';
  return undefined;
}

/** The order files are put in place: pictures and authors before the stories that name them. */
const rank = (path: string) =>
  path.startsWith(`${ASSETS}/`)
    ? 0
    : path.startsWith(`${AUTHORS}/`)
      ? 1
      : path.startsWith(`${ARTICLES}/`)
        ? 2
        : 3;

async function putInPlace(root: string, path: string, staged: string): Promise<void> {
  const target = join(root, path);
  await mkdir(dirname(target), { recursive: true });
  try {
    await rename(staged, target);
  } catch (error) {
    throw new ImportError(
      `Could not write ${target} (${(error as Error).message}). The import stopped there: every file is either as it was or wholly updated, and running the import again finishes the rest.`,
    );
  }
}

/** Puts the staged import in place in the site (or, with `apply` false, only decides what would change). */
export async function commitInto(
  site: IntoSite,
  staging: string,
  ledger: ImportLedger,
  {
    apply,
    overwriteEdits,
    unusedCategories,
  }: { apply: boolean; overwriteEdits: boolean; unusedCategories: string[] },
): Promise<MergeSummary> {
  const { root, manifest } = site;
  const summary: MergeSummary = {
    site: root,
    changes: [],
    unchanged: 0,
    comments: { added: 0, present: 0, deletedInSite: 0, notImported: 0 },
    keptPosts: [],
    redirectsModule: site.config.redirectsModule,
    configFile: site.config.file,
    unusedCategories,
    applied: apply,
  };
  const files: Record<string, string> = { ...manifest.files };
  const slugToPost = new Map(ledger.imported().map(([postId, post]) => [post.slug, postId]));
  const record = (path: string, decision: Decision) => {
    if (decision.record === undefined) Reflect.deleteProperty(files, path);
    else files[path] = decision.record;
  };
  const note = (path: string, decision: Decision) => {
    if (decision.action === 'unchanged') {
      summary.unchanged++;
      return;
    }
    const slug = path.startsWith(`${ARTICLES}/`)
      ? path.slice(ARTICLES.length + 1).replace(/\.mdx?$/, '')
      : undefined;
    const postId = slug === undefined ? undefined : slugToPost.get(slug);
    const title = postId === undefined ? undefined : ledger.titleOf(postId);
    summary.changes.push({
      path,
      action: decision.action,
      conflict: decision.conflict,
      ...(postId !== undefined ? { postId } : {}),
      ...(title !== undefined ? { title } : {}),
    });
  };
  const staged = (await filesUnder(staging)).filter((path) => kindOf(path) !== undefined);
  staged.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const writes: { path: string; from: string }[] = [];
  for (const path of staged) {
    const from = join(staging, path);
    const target = join(root, path);
    const current = await digestFile(target);
    const recorded = manifest.files[path];
    if (kindOf(path) === 'shared') {
      const existing = current === undefined ? undefined : await readFile(target, 'utf8');
      const merged = mergeRedirectsFile(
        existing,
        await readFile(from, 'utf8'),
        { current, recorded },
        digest,
        overwriteEdits,
      );
      if (merged.text !== undefined) {
        await writeFile(from, merged.text);
        writes.push({ path, from });
      }
      record(path, merged.decision);
      note(path, merged.decision);
      continue;
    }
    const decision = decideFile({ current, recorded, next: digest(await readFile(from)) }, overwriteEdits);
    if (decision.action === 'create' || decision.action === 'update') writes.push({ path, from });
    record(path, decision);
    note(path, decision);
  }

  for (const [postId, post] of ledger.notImported()) summary.keptPosts.push({ postId, slug: post.slug });

  // Comments: those an earlier run stored stay as the moderators left them (even deleted).
  const recordedIds = ledger.recordedCommentIds();
  const stagedList = await stagedComments(staging);
  const siteSpec = site.config.comments === false ? undefined : siteCommentStore(root, site.config);
  // A store not made yet has none of the comments, and a dry run must not make it. Opened for writing
  // even to read: SQLite removes its -wal and -shm files only when a writer closes it.
  const siteStore = siteSpec && storeExists(siteSpec) ? await openStore(siteSpec) : undefined;
  const toAdd: StoredComment[] = [];
  try {
    for (const comment of stagedList) {
      const { id } = comment.public;
      const inSite = siteStore ? (await siteStore.get(id)) !== undefined : false;
      if (!siteSpec) summary.comments.notImported++;
      else if (inSite) summary.comments.present++;
      else if (recordedIds.has(id)) summary.comments.deletedInSite++;
      else toAdd.push(comment);
    }
  } finally {
    await siteStore?.close();
  }
  summary.comments.added = toAdd.length;

  const manifestText = serializeManifest(ledger.manifest(files));
  if (!apply) return summary;

  for (const { path, from } of writes) await putInPlace(root, path, from);
  if (siteSpec && toAdd.length > 0) {
    const store = await openStore(siteSpec);
    try {
      // Side by side, so a database store commits them in groups.
      await Promise.all(toAdd.map((comment) => store.add(comment)));
    } finally {
      await store.close();
    }
  }
  const manifestPath = join(root, MANIFEST_FILE);
  const before = existsSync(manifestPath) ? await readFile(manifestPath, 'utf8') : undefined;
  if (before !== manifestText) {
    const tmp = join(staging, MANIFEST_FILE);
    await writeFile(tmp, manifestText);
    await putInPlace(root, MANIFEST_FILE, tmp);
  }
  return summary;
}

/**
 * The manifest of a new site (`--out`), written into its staging folder: the same record `--into`
 * keeps, so the site can take later exports of the same WordPress with `--into`. `written`: the
 * digests of the files the import wrote, known as it wrote them; only the others are read to be hashed.
 */
export async function writeNewSiteManifest(
  staging: string,
  ledger: ImportLedger,
  written: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const files: Record<string, string> = {};
  for (const path of await filesUnder(staging)) {
    if (kindOf(path) !== undefined)
      files[path] = written.get(path) ?? digest(await readFile(join(staging, path)));
  }
  await writeText(join(staging, MANIFEST_FILE), manifestPieces(ledger.manifest(files)));
}

/** Where the import stages comments (a SQLite file in its staging folder, `import.ts`). */
export const stagedCommentsFile = (staging: string) => join(staging, 'comments', 'comments.db');

/** The comments an import staged, every status, oldest first. */
async function stagedComments(staging: string): Promise<StoredComment[]> {
  const file = stagedCommentsFile(staging);
  if (!existsSync(file)) return [];
  const store = await openStore({ kind: 'sqlite', path: file });
  try {
    return await store.list();
  } finally {
    await store.close();
  }
}

/**
 * The store the site keeps its comments in: the config's `comments.store`, else
 * `KHABAR_COMMENTS_STORE`, else its comments folder's own (its `comments.db`, or the file store an
 * older site has), as khabar-comments' own commands choose.
 */
export function siteCommentStore(root: string, config: SiteConfig): StoreSpec {
  if (config.commentStore) return parseStoreSpec(config.commentStore, root, `${config.file}: comments.store`);
  const env = process.env['KHABAR_COMMENTS_STORE'];
  if (env) return parseStoreSpec(env, process.cwd(), 'KHABAR_COMMENTS_STORE');
  const dir = join(root, config.comments === false ? 'comments' : config.comments);
  return defaultStoreSpec(dir, inspectFolder(dir));
}

/** Whether a store is there already (a database server always is). */
function storeExists(spec: StoreSpec): boolean {
  if (spec.kind === 'postgres') return true;
  if (spec.kind === 'export') return false;
  return existsSync(spec.path);
}
