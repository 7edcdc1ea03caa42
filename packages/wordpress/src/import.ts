/**
 * The import: reads the export twice as a stream (first the small facts every post needs: authors,
 * categories, attachments and the site's clock offset, without the bodies; then the posts, one at a
 * time, read and converted in a second thread while this one maps, writes and stores them), writes a new site
 * into a staging folder beside `--out`, and renames it into place only when everything succeeded, so a
 * failed import never leaves half a site.
 */
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeHTML } from 'entities';
import { avatarHash, truncateIp } from 'khabar-comments/lib';
import { openStore, type CommentStore } from 'khabar-comments/store';
import { articleFile, mapPost, skipReason, type PostContext } from './lib/article.ts';
import { convertedItems } from './convert-thread.ts';
import { mapComment } from './lib/comments.ts';
import { mostFrequent, observedOffset, offsetZone, isTimeZone, postInstant } from './lib/dates.ts';
import { ImportError } from './lib/errors.ts';
import {
  commitInto,
  openSite,
  stagedCommentsFile,
  writeNewSiteManifest,
  type IntoSite,
  type MergeSummary,
} from './lib/into.ts';
import { fetchMedia, siteHostNames, type MediaOutcome, type MediaRequest } from './lib/fetch-media.ts';
import { ImportLedger } from './lib/ledger.ts';
import { sourceKey } from './lib/manifest.ts';
import { mapPages, oldPagePaths } from './lib/page.ts';
import {
  attachedTo,
  galleryAttachment,
  pictureFile,
  pictureSource,
  storyAsset,
  uploadsPath,
  type AttachmentIndex,
} from './lib/pictures.ts';
import { mapOntoSite } from './lib/section-mapping.ts';
import {
  astroRedirectsPieces,
  nginxMapPieces,
  oldPath,
  RedirectTable,
  redirectsFilePieces,
} from './lib/redirects.ts';
import { astroConfig, CONTENT_CONFIG, GITIGNORE, ianaZone, sitePackageJson } from './lib/site.ts';
import { decodeSlug, encodeUpper } from './lib/slug.ts';
import { writeText } from './lib/text-file.ts';
import { mapAuthor, mapSections, plainText, type Author, type SectionMap } from './lib/taxonomy.ts';
import { readWxr } from './wxr/reader.ts';
import type { WxrAuthor, WxrCategory, WxrItem } from './wxr/types.ts';

export { ImportError };

export interface ImportOptions {
  /** The WXR file. */
  input: string;
  /** The folder of the new site: must not exist, or be empty. Exclusive with `into`. */
  out?: string | undefined;
  /** An existing Khabar site to merge the export into (see lib/into.ts). Exclusive with `out`. */
  into?: string | undefined;
  /** With `into`: `--sections` pairs (`sport=رياضة`), categories onto the site's sections. */
  sections?: readonly string[] | undefined;
  /** With `into`: take the export's version of files the owner edited or deleted since the last import. */
  overwriteEdits?: boolean | undefined;
  /** A local copy of `wp-content/uploads`. */
  uploads?: string | undefined;
  /**
   * Download the pictures the uploads folder lacks (all of them without `uploads`) from their address
   * in the export (lib/fetch-media.ts). Without it, nothing is fetched.
   */
  fetchMedia?: boolean | FetchMediaSettings | undefined;
  /** The newsroom's zone: an IANA name or an offset (`+03:00`). Default: derived from the export. */
  timeZone?: string | undefined;
  locale?: string | undefined;
  /** The new site's address. Default: the WordPress site's. */
  siteUrl?: string | undefined;
  /** Read and map everything, write nothing but the report (printed). */
  dryRun?: boolean | undefined;
  /** The import's clock (tests pin it). */
  now?: Date | undefined;
  /** The key of comment avatars: the site's KHABAR_COMMENTS_SECRET (a random one is written to .env). */
  commentsSecret?: string | undefined;
  /**
   * Told how many of the export's items are done, every hundred items and at the end (`unit` "items"),
   * and with `fetchMedia` how many pictures are fetched, after each (`unit` "pictures").
   */
  progress?: ((done: number, total: number, unit?: string) => void) | undefined;
}

/** `--fetch-media`'s limits; each has a default (lib/fetch-media.ts). */
export interface FetchMediaSettings {
  /** Where downloads are kept for the next run. Default: `.khabar-wordpress-media/` beside the export. */
  cacheDir?: string | undefined;
  timeoutMs?: number | undefined;
  maxBytes?: number | undefined;
  concurrency?: number | undefined;
  retries?: number | undefined;
}

export interface ReportItem {
  id: string;
  type: string;
  title: string;
  reason: string;
}

export interface ImportReport {
  input: string;
  out: string;
  wxrVersion: string;
  timeZone: { zone: string; source: 'option' | 'derived' | 'default'; note: string };
  counts: {
    items: number;
    articles: number;
    drafts: number;
    /** Site pages (WordPress pages that were published). */
    pages: number;
    skipped: number;
    authors: number;
    sections: number;
    tags: number;
    images: number;
    redirects: number;
    comments: Record<string, number>;
  };
  skipped: ReportItem[];
  degraded: ReportItem[];
  /**
   * Pictures a story names that it was imported without: the story's WordPress id, the file, and why
   * (not in --uploads, or why --fetch-media could not download it, with the attachment's id).
   */
  missingMedia: {
    id: string;
    title: string;
    file: string;
    reason: string;
    url?: string;
    attachmentId?: string;
  }[];
  /** With `fetchMedia`: pictures downloaded, taken from the cache of an earlier run, and failed. */
  fetchedMedia?: { downloaded: number; cached: number; failed: number; cacheDir: string };
  renamedSections: { wordpress: string; slug: string; reason: string }[];
  /** Post types left out entirely (attachments, menus, templates), with their counts. */
  otherTypes: Record<string, number>;
  /** With `into`: what changed in the site, file by file. */
  merge?: MergeSummary;
}

interface Facts extends AttachmentIndex {
  site: {
    title: string;
    link: string;
    baseSiteUrl: string;
    baseBlogUrl: string;
    wxrVersion: string;
    language: string;
  };
  authors: WxrAuthor[];
  categories: WxrCategory[];
  /** Tag slugs by name, for the old `/tag/<slug>/` addresses. */
  tags: Map<string, string>;
  /** With `fetchMedia`: the pictures importable posts and pages name (see `mediaWanted`). */
  media: MediaRefs | undefined;
  offsets: Map<number, number>;
  items: number;
  /** Posts to import filed under each category (by decoded slug), with the category's name. */
  categoryPosts: Map<string, { name: string; posts: number }>;
  /** Comments of all items. */
  comments: number;
}

/** Pictures posts name: inline by URL, or as an attachment (featured image, `[gallery ids]`). */
interface MediaRefs {
  urls: Set<string>;
  attachmentIds: Set<string>;
  /** Posts with a `[gallery]` that names no ids: it shows the pictures uploaded to the post. */
  galleryPosts: Set<string>;
}

const IMG_SRC = /<img\s[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const GALLERY = /\[gallery(\s[^\]]*)?\]/gi;
const GALLERY_IDS = /\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/i;

/** Adds the pictures an importable post or page names to `refs`. */
function collectMedia(refs: MediaRefs, item: WxrItem): void {
  const thumbnail = item.meta['_thumbnail_id'];
  if (thumbnail) refs.attachmentIds.add(thumbnail);
  for (const match of item.content.matchAll(IMG_SRC)) {
    const src = decodeHTML(match[1] ?? match[2] ?? '').trim();
    if (src) refs.urls.add(src);
  }
  for (const match of item.content.matchAll(GALLERY)) {
    const ids =
      GALLERY_IDS.exec(match[1] ?? '')?.[1]
        ?.split(',')
        .filter((id) => id.trim()) ?? [];
    if (ids.length === 0) refs.galleryPosts.add(item.postId);
    for (const id of ids) refs.attachmentIds.add(id.trim());
  }
}

const stream = (path: string) => createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });

/** Pass one: what every post needs, small and bounded (a few fields per attachment). */
async function readFacts(input: string, withMedia = false): Promise<Facts> {
  const facts: Facts = {
    site: { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', language: '' },
    authors: [],
    categories: [],
    tags: new Map(),
    attachments: new Map(),
    attachmentIds: new Map(),
    attached: new Map(),
    media: withMedia ? { urls: new Set(), attachmentIds: new Set(), galleryPosts: new Set() } : undefined,
    offsets: new Map(),
    items: 0,
    categoryPosts: new Map(),
    comments: 0,
  };
  // The bodies of posts and comments are most of the export and this pass needs none but to find the
  // pictures --fetch-media downloads.
  for await (const event of readWxr(stream(input), { bodies: withMedia })) {
    if (event.type === 'site') facts.site = event.site;
    else if (event.type === 'author') facts.authors.push(event.author);
    else if (event.type === 'category') facts.categories.push(event.category);
    else if (event.type === 'tag') facts.tags.set(plainText(event.tag.name), event.tag.slug);
    else {
      facts.items++;
      const { item } = event;
      facts.comments += item.comments.length;
      if (item.postType === 'attachment') {
        const url = item.attachmentUrl || item.guid;
        const file = uploadsPath(url, item.meta['_wp_attached_file'], true);
        facts.attachments.set(item.postId, {
          url,
          file,
          alt: plainText(item.meta['_wp_attachment_image_alt'] ?? ''),
          caption: plainText(item.excerpt),
          title: plainText(item.title),
          order: Number(item.menuOrder) || 0,
        });
        if (file) facts.attachmentIds.set(url, item.postId);
        if (item.postParent && item.postParent !== '0') {
          const siblings = facts.attached.get(item.postParent);
          if (siblings) siblings.push(item.postId);
          else facts.attached.set(item.postParent, [item.postId]);
        }
      } else if (item.postType === 'post') {
        const offset = observedOffset(item.postDate, item.postDateGmt);
        if (offset !== undefined) facts.offsets.set(offset, (facts.offsets.get(offset) ?? 0) + 1);
        if (!skipReason(item)) {
          countCategories(facts.categoryPosts, item);
          if (facts.media) collectMedia(facts.media, item);
        }
      } else if (item.postType === 'page' && facts.media && !skipReason(item))
        collectMedia(facts.media, item);
    }
  }
  return facts;
}

function countCategories(counts: Facts['categoryPosts'], item: WxrItem): void {
  for (const term of item.terms) {
    if (term.domain !== 'category') continue;
    const slug = decodeSlug(term.nicename);
    const known = counts.get(slug);
    if (known) known.posts++;
    else counts.set(slug, { name: plainText(term.name), posts: 1 });
  }
}

/** A picture to fetch, with the attachment it is (when it is one), for the report. */
type WantedMedia = MediaRequest & { attachmentId?: string };

/** The pictures importable posts and pages name that the uploads folder lacks, by uploads path. */
function mediaWanted(facts: Facts, uploads: string | undefined, base: string): Map<string, WantedMedia> {
  const wanted = new Map<string, WantedMedia>();
  const want = (url: string, file: string, attachmentId?: string) => {
    if (!file || wanted.has(file)) return;
    if (uploads && existsSync(join(uploads, file))) return;
    let absolute: string;
    try {
      absolute = new URL(url, base || undefined).href;
    } catch {
      absolute = url;
    }
    wanted.set(file, { url: absolute, file, ...(attachmentId ? { attachmentId } : {}) });
  };
  const ids = [
    ...(facts.media?.attachmentIds ?? []),
    ...[...(facts.media?.galleryPosts ?? [])].flatMap((postId) => attachedTo(facts, postId)),
  ];
  for (const id of ids) {
    const attachment = facts.attachments.get(id);
    if (attachment) want(attachment.url, attachment.file, id);
  }
  for (const url of facts.media?.urls ?? []) {
    const { file, attachmentId } = pictureFile(facts, url);
    want(url, file, attachmentId);
  }
  return wanted;
}

async function assertEmptyOrAbsent(out: string): Promise<void> {
  if (!existsSync(out)) return;
  const entries = await readdir(out);
  if (entries.length > 0) {
    throw new ImportError(
      `${out} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): give --out a new or empty folder.`,
    );
  }
}

function resolveZone(
  option: string | undefined,
  offsets: ReadonlyMap<number, number>,
): ImportReport['timeZone'] {
  if (option) {
    if (!isTimeZone(option))
      throw new ImportError(
        `--time-zone ${option} is not an IANA zone (Asia/Damascus) or an offset (+03:00).`,
      );
    return { zone: option, source: 'option', note: `--time-zone ${option}` };
  }
  const offset = mostFrequent(offsets);
  if (offset !== undefined) {
    const zone = offsetZone(offset);
    return {
      zone,
      source: 'derived',
      note: `UTC${zone}, the offset between post_date and post_date_gmt of most posts; pass --time-zone to name the zone`,
    };
  }
  return {
    zone: 'UTC',
    source: 'default',
    note: 'no post had both dates: UTC; pass --time-zone to set the zone',
  };
}

const packageVersion = (name: string, fallback: string): string => {
  try {
    const require = createRequire(import.meta.url);
    return `^${(require(`${name}/package.json`) as { version: string }).version}`;
  } catch {
    return fallback;
  }
};

/**
 * Imports a WordPress export into a new Khabar site (`out`; the report is also in import-report.json)
 * or into an existing one (`into`); resolves to the report.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  if (options.out !== undefined && options.into !== undefined)
    throw new ImportError('Give either --out (a new site) or --into (an existing Khabar site), not both.');
  if (options.out === undefined && options.into === undefined && !options.dryRun)
    throw new ImportError(
      'Give --out <folder> for a new site, or --into <folder> to merge into an existing Khabar site.',
    );
  if (options.into === undefined && (options.sections?.length || options.overwriteEdits))
    throw new ImportError(
      '--sections and --overwrite-edits go with --into: a new site takes its sections from the export.',
    );
  const site =
    options.into === undefined ? undefined : await openSite(resolve(options.into), { lock: !options.dryRun });
  try {
    return await runImport(options, site);
  } finally {
    await site?.release();
  }
}

async function runImport(options: ImportOptions, site: IntoSite | undefined): Promise<ImportReport> {
  const out = site?.root ?? resolve(options.out ?? '.');
  const now = options.now ?? new Date();
  if (!options.dryRun && !site) await assertEmptyOrAbsent(out);
  const facts = await readFacts(options.input, Boolean(options.fetchMedia));
  const zone = resolveZone(options.timeZone, facts.offsets);
  const mapping = site
    ? mapOntoSite(facts.categories, facts.categoryPosts, site.config.sections, options.sections, site.root)
    : undefined;
  const sectionMap = mapping?.sectionMap ?? mapSections(facts.categories);
  if (sectionMap.sections.length === 0) sectionMap.sections.push({ slug: 'news', name: 'أخبار' });
  const fallbackSection =
    sectionMap.byCategory.get('uncategorized')?.section ?? sectionMap.sections[0]?.slug ?? 'news';
  const siteUrl = options.siteUrl ?? (facts.site.baseBlogUrl || facts.site.link || 'https://news.example');
  const wpSiteUrl = facts.site.baseBlogUrl || facts.site.link;
  const ledger = new ImportLedger(site?.manifest, sourceKey(wpSiteUrl), {
    recordComments: site?.config.comments !== false,
  });
  const commentsSecret =
    options.commentsSecret ?? process.env['KHABAR_COMMENTS_SECRET'] ?? site?.commentsSecret;
  if (site && site.config.comments !== false && facts.comments > 0 && !commentsSecret) {
    throw new ImportError(
      `The export has comments and the site keeps them, but no comments' secret was found: set KHABAR_COMMENTS_SECRET to the secret the site's comment receiver uses (or put it in ${join(site.root, '.env')}), so imported commenters keep the same avatar when they comment again.`,
    );
  }

  const fetched = options.fetchMedia
    ? await fetchPictures(options, facts, wpSiteUrl)
    : { outcomes: undefined, wanted: new Map<string, WantedMedia>(), summary: undefined };

  const staging = site
    ? await site.staging(Boolean(options.dryRun))
    : options.dryRun
      ? undefined
      : join(
          dirname(out),
          `.${out.split(sep).at(-1) ?? 'site'}.khabar-wordpress-${randomBytes(4).toString('hex')}`,
        );
  const report: ImportReport = {
    input: options.input,
    out,
    wxrVersion: facts.site.wxrVersion,
    timeZone: zone,
    counts: {
      items: facts.items,
      articles: 0,
      drafts: 0,
      pages: 0,
      skipped: 0,
      authors: 0,
      sections: sectionMap.sections.length,
      tags: 0,
      images: 0,
      redirects: 0,
      comments: {
        approved: 0,
        pending: 0,
        spam: 0,
        trash: 0,
        pingback: 0,
        trackback: 0,
        empty: 0,
        undated: 0,
        orphaned: 0,
        withSkippedPost: 0,
      },
    },
    skipped: [],
    degraded: [],
    missingMedia: [],
    renamedSections: sectionMap.renamed,
    otherTypes: {},
    ...(fetched.summary ? { fetchedMedia: fetched.summary } : {}),
  };

  const digests = new Map<string, string>();
  try {
    if (staging) await mkdir(staging, { recursive: true });
    await importPosts(
      { ...options, commentsSecret },
      {
        facts,
        ledger,
        site,
        zone: zone.zone,
        sectionMap,
        fallbackSection,
        wpSiteUrl,
        now,
        staging,
        report,
        siteUrl,
        fetched,
        digests,
      },
    );
    if (site && staging) {
      report.merge = await commitInto(site, staging, ledger, {
        apply: !options.dryRun,
        overwriteEdits: Boolean(options.overwriteEdits),
        unusedCategories: mapping?.unused.map((category) => category.slug) ?? [],
      });
      return report;
    }
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (staging) {
      await writeNewSiteManifest(staging, ledger, digests);
      await writeFile(join(staging, 'import-report.json'), json);
      if (existsSync(out)) await rm(out, { recursive: true });
      await mkdir(dirname(out), { recursive: true });
      await rename(staging, out);
    }
    return report;
  } catch (error) {
    if (staging && !site) await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** `--fetch-media`: downloads what posts name and the uploads folder lacks (none in a dry run). */
async function fetchPictures(options: ImportOptions, facts: Facts, wpSiteUrl: string): Promise<Fetched> {
  const settings = typeof options.fetchMedia === 'object' ? options.fetchMedia : {};
  const uploads = options.uploads ? resolve(options.uploads) : undefined;
  const wanted = mediaWanted(facts, uploads, wpSiteUrl);
  const cacheDir = resolve(settings.cacheDir ?? join(dirname(options.input), '.khabar-wordpress-media'));
  if (options.dryRun) return { outcomes: undefined, wanted, summary: undefined };
  const outcomes = await fetchMedia([...wanted.values()], {
    ...settings,
    cacheDir,
    siteHosts: siteHostNames([facts.site.link, facts.site.baseSiteUrl, facts.site.baseBlogUrl]),
    progress: (done, total) => options.progress?.(done, total, 'pictures'),
  });
  const summary = { downloaded: 0, cached: 0, failed: 0, cacheDir };
  for (const outcome of outcomes.values()) {
    if (!outcome.ok) summary.failed++;
    else if (outcome.downloaded) summary.downloaded++;
    else summary.cached++;
  }
  return { outcomes, wanted, summary };
}

interface Fetched {
  /** By uploads path; undefined when nothing was fetched. */
  outcomes: Map<string, MediaOutcome> | undefined;
  wanted: Map<string, WantedMedia>;
  summary: ImportReport['fetchedMedia'];
}

/**
 * Writes that may run side by side, at most `limit` at a time: khabar-comments' SQLite store commits
 * the comments added at the same time together.
 */
class InFlight {
  readonly #limit: number;
  readonly #pending = new Set<Promise<void>>();
  #failure: Error | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Starts tracking a write; waits while `limit` writes are running. Rethrows an earlier failure. */
  async add(write: Promise<void>): Promise<void> {
    const tracked = write.then(
      () => {
        this.#pending.delete(tracked);
      },
      (error: unknown) => {
        this.#failure ??= error instanceof Error ? error : new Error(String(error));
        this.#pending.delete(tracked);
      },
    );
    this.#pending.add(tracked);
    if (this.#pending.size >= this.#limit) await Promise.race(this.#pending);
    if (this.#failure) throw this.#failure;
  }

  /** Waits for every write; rethrows the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#pending);
    if (this.#failure) throw this.#failure;
  }
}

interface PassTwo {
  facts: Facts;
  /** Slugs, dates and comment ids of earlier imports, and this run's records. */
  ledger: ImportLedger;
  /** With `--into`: the site merged into. */
  site: IntoSite | undefined;
  zone: string;
  sectionMap: SectionMap;
  fallbackSection: string;
  wpSiteUrl: string;
  siteUrl: string;
  now: Date;
  staging: string | undefined;
  report: ImportReport;
  /** With `fetchMedia`: what was downloaded, by uploads path. */
  fetched: Fetched;
  /** The SHA-256 of each file written into `staging`, by its path there. */
  digests: Map<string, string>;
}

/** The path of a story under `/{section}/{slug}/` (the theme's default pattern), encoded as the theme links it. */
const storyPath = (section: string, slug: string) => encodeUpper(`/${section}/${slug}/`);

async function importPosts(options: ImportOptions, pass: PassTwo): Promise<void> {
  // Comments go into a SQLite store in the staging folder: the new site's store (the comments folder's
  // own comments.db, as khabar-comments chooses it), or what --into adds to the site's store from. It is
  // a scratch file (thrown away if the import fails), so its commits skip the fsync a receiver's need:
  // one fsync per batch of comments was half of a 10,000-post import's time; closing syncs it once.
  const store = pass.staging
    ? await openStore({ kind: 'sqlite', path: stagedCommentsFile(pass.staging) }, { scratch: true })
    : undefined;
  try {
    await importItems(options, pass, store);
  } finally {
    await store?.close();
  }
}

async function importItems(
  options: ImportOptions,
  pass: PassTwo,
  store: CommentStore | undefined,
): Promise<void> {
  const { facts, report, staging } = pass;
  // Folders made already: a mkdir per story cost more than its write.
  const folders = new Set<string>();
  // Each file's digest as it is written, for the manifest: nothing is read back to be hashed.
  const write = async (path: string, text: string | Iterable<string>) => {
    if (!staging) return;
    const folder = dirname(join(staging, path));
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    pass.digests.set(path, await writeText(join(staging, path), text));
  };
  const authors = new Map<string, Author>();
  for (const author of facts.authors) authors.set(author.login, mapAuthor(author));
  const authorIds = new Map([...authors].map(([login, author]) => [login, author.id]));

  const secret =
    options.commentsSecret ?? process.env['KHABAR_COMMENTS_SECRET'] ?? randomBytes(32).toString('hex');

  const { ledger, site } = pass;
  // The site's own stories and those of earlier imports keep their slugs: a new post takes another.
  const taken = new Set([...(site?.taken ?? []), ...ledger.takenSlugs()]);
  const published: {
    link: string;
    postId: string;
    guid: string;
    path: string;
    published: string;
    authors: string[];
    tags: string[];
    section: string;
  }[] = [];
  /** Pictures the site gets, by uploads path: where each is copied from. */
  const copied = new Map<string, string>();
  const uploads = options.uploads ? resolve(options.uploads) : undefined;
  const { outcomes, wanted } = pass.fetched;
  const missing = new Set<string>();
  /** Why a picture is not in the site, in the report's words. */
  const whyMissing = (file: string): string => {
    const outcome = outcomes?.get(file);
    if (outcome && !outcome.ok) return `could not be downloaded: ${outcome.reason}`;
    if (options.fetchMedia && options.dryRun) return 'not fetched in a dry run';
    return uploads ? 'not in the uploads folder' : 'no --uploads folder (or --fetch-media) was given';
  };
  const reportMissing = (item: WxrItem | undefined, file: string) => {
    if (!item || missing.has(`${item.postId}|${file}`)) return;
    missing.add(`${item.postId}|${file}`);
    const request = wanted.get(file);
    report.missingMedia.push({
      id: item.postId,
      title: plainText(item.title),
      file,
      reason: whyMissing(file),
      ...(request ? { url: request.url } : {}),
      ...(request?.attachmentId ? { attachmentId: request.attachmentId } : {}),
    });
  };

  /** A picture of the export: copied into the site's assets when it is on this machine. */
  const localAsset = (file: string): string | undefined => {
    if (!file) return undefined;
    const source = copied.get(file) ?? pictureSource(file, uploads, outcomes);
    if (!source) return undefined;
    copied.set(file, source);
    return storyAsset(file);
  };

  const inFlight = new InFlight(64);
  let current: WxrItem | undefined;
  // Pages wait for the end of the export: a child page's slug needs its parents' (lib/page.ts).
  const pageItems: WxrItem[] = [];
  const context: PostContext = {
    sections: pass.sectionMap,
    fallbackSection: pass.fallbackSection,
    authors: authorIds,
    timeZone: pass.zone,
    now: pass.now,
    uniqueSlug: (wanted, postId) => {
      const kept = ledger.slugOf(postId);
      if (kept !== undefined) return kept;
      let slug = wanted;
      for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
      taken.add(slug);
      return slug;
    },
    attachment: (id) => galleryAttachment(facts, id),
    attachedTo: (postId) => attachedTo(facts, postId),
    image: (url) => {
      const { file } = pictureFile(facts, url);
      if (!file) return url;
      const asset = localAsset(file);
      if (asset) return asset;
      reportMissing(current, file);
      return url;
    },
    featuredImage: (id) => {
      const attachment = facts.attachments.get(id);
      if (!attachment) return { missing: `featured image ${id} is not in the export` };
      const asset = localAsset(attachment.file);
      if (!asset) {
        reportMissing(current, attachment.file);
        return {
          missing: `featured image ${attachment.file} is missing (${whyMissing(attachment.file)}): imported without it`,
        };
      }
      return {
        image: {
          src: asset,
          alt: attachment.alt,
          ...(attachment.caption ? { caption: attachment.caption } : {}),
        },
      };
    },
  };

  let seen = 0;
  // Pass two: the items, each post with its text converted in a thread of its own (convert-thread.ts).
  const items = convertedItems({
    input: options.input,
    index: { attachments: facts.attachments, attachmentIds: facts.attachmentIds, attached: facts.attached },
    uploads,
    outcomes,
  });
  for await (const { item, prepared } of items) {
    seen++;
    if (seen % 100 === 0 || seen === facts.items) options.progress?.(seen, facts.items);
    const title = plainText(item.title);
    if (item.postType !== 'post') {
      if (item.postType === 'page') pageItems.push(item);
      else report.otherTypes[item.postType] = (report.otherTypes[item.postType] ?? 0) + 1;
      continue;
    }
    current = item;
    context.now = ledger.clockFor(item.postId, pass.now);
    const result = mapPost(item, context, prepared);
    current = undefined;
    if (result.kind === 'skip') {
      report.skipped.push({ id: item.postId, type: 'post', title, reason: result.reason });
      report.counts.skipped++;
      report.counts.comments['withSkippedPost'] =
        (report.counts.comments['withSkippedPost'] ?? 0) + item.comments.length;
      continue;
    }
    const { frontmatter } = result;
    for (const degradation of result.degraded) {
      report.degraded.push({
        id: item.postId,
        type: 'post',
        title: frontmatter.title,
        reason: degradation.reason,
      });
    }
    for (const login of frontmatter.authors) {
      if (![...authors.values()].some((author) => author.id === login))
        authors.set(login, { id: login, name: login });
    }
    await inFlight.add(
      write(`src/content/articles/${frontmatter.slug}.md`, articleFile(frontmatter, result.body)),
    );
    ledger.recordPost(
      {
        postId: item.postId,
        title: frontmatter.title,
        link: item.link,
        guid: item.guid,
        undated: !postInstant(item.postDateGmt, item.postDate, pass.zone),
      },
      frontmatter,
    );
    if (frontmatter.draft) report.counts.drafts++;
    else {
      report.counts.articles++;
      published.push({
        link: item.link,
        guid: item.guid,
        postId: item.postId,
        path: storyPath(frontmatter.section, frontmatter.slug),
        published: frontmatter.published,
        authors: item.creator ? [item.creator] : [],
        tags: frontmatter.tags,
        section: frontmatter.section,
      });
    }
    // Comments, oldest first so a reply finds its parent.
    const imported = new Map<string, string>();
    const comments = [...item.comments].sort((a, b) =>
      (a.dateGmt || a.date).localeCompare(b.dateGmt || b.date),
    );
    for (const comment of comments) {
      const mapped = await mapComment(comment, {
        postId: frontmatter.slug,
        wpPostId: item.postId,
        timeZone: pass.zone,
        imported,
        avatar: (email, name) => avatarHash(secret, email, name),
        truncateIp,
      });
      if (mapped.kind === 'skip') {
        report.counts.comments[mapped.reason] = (report.counts.comments[mapped.reason] ?? 0) + 1;
        continue;
      }
      ledger.comment(item.postId, comment.id, mapped.comment);
      imported.set(comment.id, mapped.comment.public.id);
      report.counts.comments[mapped.comment.status] =
        (report.counts.comments[mapped.comment.status] ?? 0) + 1;
      if (mapped.orphan) report.counts.comments['orphaned'] = (report.counts.comments['orphaned'] ?? 0) + 1;
      if (store) await inFlight.add(store.add(mapped.comment));
    }
  }

  await inFlight.drain();
  // Stories of earlier imports that this export no longer has: their old addresses still lead to them.
  for (const [postId, post] of ledger.notImported()) {
    if (post.published === undefined) continue;
    published.push({
      link: post.link ?? '',
      guid: post.guid ?? '',
      postId,
      path: storyPath(post.section, post.slug),
      published: post.published,
      authors: [],
      tags: [],
      section: post.section,
    });
  }

  // Site pages: src/content/pages/<slug>.md, published pages only.
  const sitePages = mapPages(pageItems, {
    ...context,
    sectionSlugs: pass.sectionMap.sections.map((section) => section.slug),
    converting: (item) => {
      current = item;
    },
  });
  for (const { item, reason } of sitePages.skipped) {
    report.skipped.push({ id: item.postId, type: 'page', title: plainText(item.title), reason });
    report.counts.skipped++;
  }
  for (const page of sitePages.pages) {
    for (const { reason } of page.degraded)
      report.degraded.push({ id: page.postId, type: 'page', title: page.frontmatter.title, reason });
    await write(`src/content/pages/${page.slug}.md`, articleFile(page.frontmatter, page.body));
  }
  report.counts.pages = sitePages.pages.length;

  // Authors.
  for (const author of authors.values()) {
    await write(
      `src/content/authors/${author.id}.json`,
      // The theme's authors collection (its authorSchema): name, and bio when the export has one.
      `${JSON.stringify({ name: author.name, ...(author.bio ? { bio: author.bio } : {}) }, null, 2)}\n`,
    );
  }
  report.counts.authors = authors.size;

  // Pictures.
  for (const [file, source] of copied) {
    if (!staging) break;
    const target = join(staging, 'src/assets/wp', file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
  }
  report.counts.images = copied.size;

  // Old addresses.
  const earlierSlugs = ledger.takenSlugs();
  const served = [
    ...pass.sectionMap.sections.map((section) => `/${section.slug}/`),
    ...published.map((story) => decodeURIComponent(story.path)),
    // The site's own stories (those of earlier imports are in `published`, at their path of this run).
    ...(site?.stories ?? [])
      .filter((story) => !earlierSlugs.has(story.slug))
      .flatMap((story) => (story.section ? [`/${story.section}/${story.slug}/`] : [])),
    ...sitePages.pages.map((page) => `/${page.slug}/`),
  ];
  const table = new RedirectTable(served);
  const tags = new Set<string>();
  const years = new Set<string>();
  const logins = new Set<string>();
  const sectionsUsed = new Set<string>();
  for (const story of published) {
    const link = oldPath(story.link, pass.wpSiteUrl);
    if (link && !link.includes('?')) table.add(link, story.path);
    table.add(`/?p=${story.postId}`, story.path);
    for (const former of ledger.formerPaths(story.postId)) table.add(former, story.path);
    const guid = oldPath(story.guid, pass.wpSiteUrl);
    if (guid && guid !== `/?p=${story.postId}`) table.add(guid, story.path);
    for (const tag of story.tags) tags.add(tag);
    for (const login of story.authors) logins.add(login);
    sectionsUsed.add(story.section);
    const day = new Date(story.published);
    years.add(`${day.getUTCFullYear()}`);
    years.add(`${day.getUTCFullYear()}/${String(day.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const byNicename = new Map(facts.categories.map((category) => [decodeSlug(category.nicename), category]));
  for (const category of facts.categories) {
    const mapped = pass.sectionMap.byCategory.get(decodeSlug(category.nicename));
    if (!mapped || !sectionsUsed.has(mapped.section)) continue;
    // WordPress links a nested category with its ancestors: /category/parent/child/.
    const chain = [decodeSlug(category.nicename)];
    for (let parent = category.parent; parent && chain.length < 10;) {
      chain.unshift(decodeSlug(parent));
      parent = byNicename.get(decodeSlug(parent))?.parent ?? '';
    }
    const target = mapped.tag ? encodeUpper(`/tags/${mapped.tag}/`) : encodeUpper(`/${mapped.section}/`);
    table.add(`/category/${chain.join('/')}/`, target);
    if (chain.length > 1) table.add(`/category/${chain.at(-1)}/`, target);
    table.add(`/category/${chain.join('/')}/feed/`, encodeUpper(`/${mapped.section}/rss.xml`));
  }
  for (const tag of tags) {
    const slug = facts.tags.get(tag);
    if (slug) table.add(`/tag/${decodeSlug(slug)}/`, encodeUpper(`/tags/${tag}/`));
  }
  for (const login of logins) {
    const author = authors.get(login);
    if (author) table.add(`/author/${login}/`, encodeUpper(`/authors/${author.id}/`));
  }
  if (published.length > 0) {
    table.add('/feed/', '/rss.xml');
    table.add('/feed/rss2/', '/rss.xml');
  }
  for (const period of years) table.add(`/${period}/`, `/archive/${period}/`);
  for (const page of sitePages.pages) {
    for (const from of oldPagePaths(page, (link) => oldPath(link, pass.wpSiteUrl)))
      table.add(from, encodeUpper(`/${page.slug}/`));
  }
  report.counts.tags = tags.size;
  report.counts.redirects = table.size;

  // Written a line at a time: at 100,000 stories each file is a hundred megabytes of text.
  await write('src/redirects.mjs', astroRedirectsPieces(table.redirects()));
  await write('public/_redirects', redirectsFilePieces(table.redirects()));
  await write('khabar-redirects.map', nginxMapPieces(table.redirects()));

  // The site around the content: an existing site (`--into`) has its own, never rewritten.
  if (site) return;
  const siteFacts = {
    title: plainText(facts.site.title) || 'خبر',
    siteUrl: pass.siteUrl,
    locale: options.locale ?? (facts.site.language.startsWith('ar') ? facts.site.language : 'ar'),
    timeZone: ianaZone(pass.zone),
    sections: pass.sectionMap.sections,
    versions: {
      astro: '^7.3.5',
      theme: packageVersion('astro-theme-khabar', '^0.1.0'),
      comments: packageVersion('khabar-comments', '^0.1.0'),
      sharp: '^0.35.5',
    },
  };
  await write('package.json', sitePackageJson(siteFacts));
  await write('astro.config.mjs', astroConfig(siteFacts));
  await write('src/content.config.ts', CONTENT_CONFIG);
  await write('.gitignore', GITIGNORE);
  if (!options.commentsSecret && !process.env['KHABAR_COMMENTS_SECRET']) {
    await write(
      '.env',
      `# The comments' secret: it keys the avatars of the imported comments. Keep it.\nKHABAR_COMMENTS_SECRET=${secret}\n`,
    );
  }
  if (staging && !existsSync(join(staging, 'comments')))
    await mkdir(join(staging, 'comments'), { recursive: true });
}
