import { readFile } from 'node:fs/promises';
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
