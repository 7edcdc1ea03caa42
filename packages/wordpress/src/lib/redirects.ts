/**
 * Old WordPress addresses → new Khabar ones, written three ways: a module the site's astro.config
 * spreads into Astro's `redirects`, a `_redirects` file (Netlify, Cloudflare Pages) and an nginx `map`.
 * WordPress writes Arabic slugs with lower-case percent-encoding and browsers send upper case, so the
 * files that match raw request paths list both forms.
 */
import { decodeSlug, encodeUpper, pathForms } from './slug.ts';

export interface Redirect {
  /** The old path as text (decoded), with a query (`/?p=7`) for WordPress's short links. */
  from: string;
  /** The new path, encoded the way the theme links it. */
  to: string;
}

/** A path as text: each segment decoded, with a trailing slash on folder-like paths. */
export function textPath(path: string): string {
  const [pathname = '/', query] = path.split('?', 2);
  const decoded = pathname
    .split('/')
    .map((segment) => decodeSlug(segment))
    .join('/');
  const withSlash = /\.[a-z0-9]+$/i.test(decoded) || decoded.endsWith('/') ? decoded : `${decoded}/`;
  return query === undefined ? withSlash : `${withSlash}?${query}`;
}

const decodePath = (path: string) =>
  path
    .split('/')
    .map((segment) => decodeSlug(segment))
    .join('/');

/** The path of an old WordPress link, without the WordPress site's own folder, or undefined. */
export function oldPath(link: string, siteUrl: string): string | undefined {
  try {
    const url = new URL(link, siteUrl || 'http://wordpress.invalid/');
    const base = new URL(siteUrl || 'http://wordpress.invalid/').pathname.replace(/\/$/, '');
    let pathname = url.pathname;
    if (base && pathname.startsWith(`${base}/`)) pathname = pathname.slice(base.length);
    return pathname + url.search;
  } catch {
    return undefined;
  }
}

/** Collects redirects; the first target for a path wins, and paths the new site serves are never redirected. */
export class RedirectTable {
  readonly #byFrom = new Map<string, string>();
  readonly #served: ReadonlySet<string>;

  /** `served`: the new site's own paths, as text (`/سياسة/`), which a redirect must not shadow. */
  constructor(served: Iterable<string> = []) {
    this.#served = new Set([...served].map(textPath));
  }

  add(from: string, to: string): void {
    const key = textPath(from);
    if (key === textPath(to) || this.#served.has(key) || this.#byFrom.has(key)) return;
    this.#byFrom.set(key, to);
  }

  get size(): number {
    return this.#byFrom.size;
  }

  entries(): Redirect[] {
    return [...this.redirects()];
  }

  /** The redirects in the order they were added, one at a time. */
  *redirects(): Generator<Redirect> {
    for (const [from, to] of this.#byFrom) yield { from, to };
  }
}

/**
 * `src/redirects.mjs`: Astro's `redirects`, keyed by the text path (a static host decodes the request
 * path before it looks for the file, so both encodings reach it), and with the target as text too:
 * Astro encodes it itself. Query-string links (`?p=7`) cannot be Astro redirects: they are in the
 * `_redirects` and nginx files. In pieces, a line each, to be written as they come: a large site has
 * hundreds of thousands of redirects, and each of the three files is written without being whole in
 * memory.
 */
export function* astroRedirectsPieces(redirects: Iterable<Redirect>): Generator<string> {
  yield (
    '// Old WordPress addresses and their new pages, written by khabar-wordpress.\n' +
    '// astro.config.mjs spreads them into `redirects`; edit freely, a re-import rewrites this file.\n' +
    'export default {\n'
  );
  let none = true;
  for (const redirect of redirects) {
    if (redirect.from.includes('?')) continue;
    none = false;
    yield `  ${JSON.stringify(redirect.from)}: ${JSON.stringify(decodePath(redirect.to))},\n`;
  }
  yield none ? '\n};\n' : '};\n';
}

/** `src/redirects.mjs` as one string (see `astroRedirectsPieces`). */
export function astroRedirectsModule(redirects: Iterable<Redirect>): string {
  return [...astroRedirectsPieces(redirects)].join('');
}

/** The path of a redirect as it arrives in a request, in each percent-encoding; with its query. */
function requestForms(from: string): string[] {
  const [pathname = '/', query] = from.split('?', 2);
  return pathForms(pathname).map((form) => (query === undefined ? form : `${form}?${query}`));
}

/**
 * `_redirects` (Netlify, Cloudflare Pages): one line a form of each old path. WordPress's `?p=` links
 * need query matching, which Netlify has (`/ p=7 /new/ 301`) and Cloudflare Pages lacks.
 */
export function* redirectsFilePieces(redirects: Iterable<Redirect>): Generator<string> {
  yield '# Old WordPress addresses → new pages, written by khabar-wordpress.\n';
  for (const { from, to } of redirects) {
    const [pathname = '/', query] = from.split('?', 2);
    if (query !== undefined) {
      const match = /^(\w+)=(\d+)$/.exec(query);
      if (match) yield `${encodeUpper(pathname)} ${match[1]}=${match[2]} ${to} 301\n`;
      continue;
    }
    for (const form of requestForms(from)) yield `${form} ${to} 301\n`;
  }
}

/** `_redirects` as one string (see `redirectsFilePieces`). */
export function redirectsFile(redirects: Iterable<Redirect>): string {
  return [...redirectsFilePieces(redirects)].join('');
}

const nginxString = (value: string) => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/**
 * An nginx `map` body keyed by `$request_uri` (the raw path and query, as the browser sent it): include
 * it in `map $request_uri $khabar_redirect { … }` and `return 301 $khabar_redirect;` when it is set.
 */
export function* nginxMapPieces(redirects: Iterable<Redirect>): Generator<string> {
  yield (
    '# Old WordPress addresses → new pages, written by khabar-wordpress.\n' +
    '# map $request_uri $khabar_redirect { include khabar-redirects.map; }\n' +
    '# then in the server block: if ($khabar_redirect) { return 301 $khabar_redirect; }\n'
  );
  for (const { from, to } of redirects) {
    for (const form of requestForms(from)) yield `${nginxString(form)} ${nginxString(to)};\n`;
  }
}

/** The nginx map as one string (see `nginxMapPieces`). */
export function nginxMap(redirects: Iterable<Redirect>): string {
  return [...nginxMapPieces(redirects)].join('');
}
