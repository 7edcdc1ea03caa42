import { readFile } from 'node:fs/promises';
import { iri } from '../../packages/theme/src/lib/urls.ts';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { exampleDist } from './paths.ts';

/** The built file for a site path such as `/politics/` or `/politics/%D8%B1…/`. */
export function fileForPath(dist: string, path: string): string {
  const decoded = decodeURIComponent(path.split(/[?#]/)[0] ?? '/');
  if (decoded.endsWith('/')) return join(dist, decoded, 'index.html');
  return join(dist, decoded);
}

/** Parses a built page of the example site into a DOM document. */
export async function loadPage(path: string, dist = exampleDist) {
  const html = await readFile(fileForPath(dist, path), 'utf8');
  return { html, document: parseHTML(html).document };
}

/** The seed article's path, percent-encoded as the site writes it. */
export const SEED_PATH = `/politics/${encodeURIComponent('روسيا-تطالب-الغرب-بإحترام-السيادة-السورية')}/`;

/** The seed article's English translation, in the example's English edition (`/en/`). */
export const EN_SEED_PATH = '/en/politics/russia-urges-west-to-respect-syrian-sovereignty/';

/**
 * The path an internal link leads to, percent-encoded as a browser requests it: the theme writes links to
 * Arabic pages as IRIs (`/politics/خبر/`), which a URL parser maps to the encoded path of the built page.
 */
export function linkPath(href: string | null | undefined): string {
  return new URL(href ?? '', 'https://link.invalid').pathname;
}

/** An internal link as the theme writes it: the page's path as an IRI (`/tags/روسيا/`), for `a[href="…"]`. */
export function linkHref(path: string): string {
  return iri(path);
}
