/**
 * The import's record in the site (`khabar-wordpress.json`): which WordPress post became which story,
 * which WordPress comment became which comment, and the digest of every file an import wrote. A re-run
 * reads it to keep slugs and comment ids, and to tell the owner's edits from its own files. Written with
 * sorted keys and no clock, so the same import writes the same bytes.
 */
import { createHash } from 'node:crypto';
import { ImportError } from './errors.ts';

/** The manifest's file, at the root of the site. */
export const MANIFEST_FILE = 'khabar-wordpress.json';

export interface PostRecord {
  /** The story's slug, and its file `src/content/articles/<slug>.md`. */
  slug: string;
  section: string;
  /** When published: the instant, and the old addresses its redirects come from. Absent for drafts. */
  published?: string;
  link?: string;
  guid?: string;
  /** The import's clock given to a post WordPress never dated, so a re-run dates it the same way. */
  undatedAt?: string;
  /** Sections the story was published in before, whose addresses now redirect to it. */
  formerSections?: string[];
  /** Khabar comment ids by WordPress comment id. */
  comments?: Record<string, string>;
}

export interface SourceRecord {
  /** By WordPress post id. */
  posts: Record<string, PostRecord>;
}

export interface Manifest {
  version: 1;
  /** SHA-256 (hex) of each file an import wrote, by its path from the site's root. */
  files: Record<string, string>;
  /** By WordPress site (`sourceKey` of `wp:base_blog_url`): post ids are only unique within one WordPress. */
  sources: Record<string, SourceRecord>;
}

/**
 * The key of a WordPress site in the manifest: its address without the scheme, a `www.` or a final
 * slash, so an export taken after the site moved to https (or from its `www.` name) is the same site.
 */
export function sourceKey(address: string): string {
  try {
    const url = new URL(address);
    return `${url.host.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return address.trim();
  }
}

export const emptyManifest = (): Manifest => ({ version: 1, files: {}, sources: {} });

export const digest = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');

const OPTIONAL_STRINGS = ['published', 'link', 'guid', 'undatedAt'] as const;

function isPost(value: unknown): value is PostRecord {
  if (!isRecord(value)) return false;
  if (typeof value['slug'] !== 'string' || !value['slug'] || typeof value['section'] !== 'string')
    return false;
  if (OPTIONAL_STRINGS.some((key) => value[key] !== undefined && typeof value[key] !== 'string'))
    return false;
  const former = value['formerSections'];
  if (former !== undefined && !(Array.isArray(former) && former.every((entry) => typeof entry === 'string')))
    return false;
  return value['comments'] === undefined || isStringMap(value['comments']);
}

/**
 * Reads a manifest. A damaged one stops the import: going on without it would give every story a new
 * slug beside the old one and import every comment twice.
 */
export function parseManifest(text: string, where = MANIFEST_FILE): Manifest {
  const damaged = (why: string) =>
    new ImportError(
      `${where} is damaged (${why}): it records what earlier imports wrote, and without it a re-run would duplicate stories and comments. Restore it (from git, or a backup) and run the import again.`,
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (!isRecord(data)) throw damaged('not a JSON object');
  if (data['version'] !== 1) throw damaged(`version ${JSON.stringify(data['version'])}, expected 1`);
  if (!isStringMap(data['files'])) throw damaged('"files" is not a map of digests');
  const sources = data['sources'];
  if (!isRecord(sources)) throw damaged('"sources" is not an object');
  for (const [site, source] of Object.entries(sources)) {
    if (!isRecord(source) || !isRecord(source['posts'])) throw damaged(`"sources.${site}.posts" is missing`);
    for (const [id, post] of Object.entries(source['posts'])) {
      if (!isPost(post)) throw damaged(`post ${id} of ${site} is not a post record`);
    }
  }
  return data as unknown as Manifest;
}

/** A value with every object's keys sorted, recursively (arrays keep their order). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}

/**
 * `JSON.stringify(sorted(value), null, 2)` at `depth` (its lines indented as a value that deep), in
 * pieces: objects down to `open` levels are written key by key, so the text of a 100,000-post manifest
 * (and the sorted copy of it) is never whole in memory; below that, one `JSON.stringify` a value.
 * A JSON string never holds a raw newline, so indenting after each newline indents whole lines only.
 */
function* jsonPieces(value: unknown, depth: number, open: number): Generator<string> {
  if (depth >= open || !isRecord(value)) {
    const text = JSON.stringify(sorted(value), null, 2);
    yield depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
    return;
  }
  // In the order JSON.stringify writes an object built with sorted keys: integer keys (post ids) first,
  // in numeric order, as an object keeps them, then the others as sorted.
  const keys = Object.keys(
    Object.fromEntries(
      Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort()
        .map((key) => [key, true]),
    ),
  );
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  const inner = '  '.repeat(depth + 1);
  let first = true;
  for (const key of keys) {
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(value[key], depth + 1, open);
    first = false;
  }
  yield `\n${'  '.repeat(depth)}}`;
}

/**
 * The manifest's text in pieces, to be written as they come: keys sorted, two-space indent, a final
 * newline; the same data gives the same bytes. Objects are opened down to each post
 * (`sources.<site>.posts.<id>`), the one big map of a large import besides `files`.
 */
export function* manifestPieces(manifest: Manifest): Generator<string> {
  yield* jsonPieces(manifest, 0, 4);
  yield '\n';
}

/** The manifest's text: keys sorted, two-space indent, a final newline; the same data gives the same bytes. */
export function serializeManifest(manifest: Manifest): string {
  return [...manifestPieces(manifest)].join('');
}
