import { existsSync, statSync } from 'node:fs';
import { fileForPath } from './site.ts';

/**
 * The built file an absolute URL of the site points at, or `undefined` when the URL is off the site or
 * nothing was built there. `siteBase` is the site URL with its base, e.g. `https://khabar.example/`.
 */
export function builtFile(dist: string, siteBase: string, url: string): string | undefined {
  if (!url.startsWith(siteBase)) return undefined;
  const path = `/${url.slice(siteBase.length)}`;
  const file = fileForPath(dist, path);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** The URLs of the site among `urls` that do not resolve to a built file (for readable failures). */
export function unresolved(dist: string, siteBase: string, urls: Iterable<string>): string[] {
  return [...new Set(urls)].filter((url) => !builtFile(dist, siteBase, url));
}

/** `href` and `src` values in an HTML fragment. */
export function htmlUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}
