/**
 * Which edition a page belongs to, while it renders. The main edition's pages and another edition's come
 * from the same route files and components, which read the config, the UI strings and the stories of the
 * edition being rendered (`runtime/site.ts`, `runtime/articles.ts`): the middleware runs each request's
 * rendering in its edition (by the URL's prefix), and a route's `getStaticPaths` runs in the edition of
 * the pattern it was injected at. Outside both, the main edition's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import main from 'virtual:khabar/config';
import mainStrings, { editions as editionStrings } from 'virtual:khabar/strings';
import { editionConfig, type KhabarRuntimeConfig } from '../config/runtime-config.ts';
import type { StringId } from '../config/translations.ts';
import { pathEdition, patternEdition, type EditionKey } from '../lib/editions.ts';

/** An edition as its pages read it. */
export interface Edition {
  key: EditionKey;
  config: KhabarRuntimeConfig;
  strings: Record<StringId, string>;
}

/** The keys of the site's other editions, in the order the site lists them. */
export const EDITION_KEYS: readonly string[] = Object.keys(main.editions);

const MAIN: Edition = { key: undefined, config: main, strings: mainStrings };

/** Every edition, the main one first. */
export const EDITIONS: readonly Edition[] = [
  MAIN,
  ...EDITION_KEYS.map((key) => ({
    key,
    config: editionConfig(main, key),
    strings: editionStrings[key] ?? mainStrings,
  })),
];

const current = new AsyncLocalStorage<Edition>();

/** The edition by key (`undefined`: the main one). */
export function edition(key: EditionKey): Edition {
  return EDITIONS.find((candidate) => candidate.key === key) ?? MAIN;
}

/** The edition of the page being rendered (or of the paths being listed). */
export function currentEdition(): Edition {
  return current.getStore() ?? MAIN;
}

/** Runs `work` in an edition. */
export function inEdition<T>(key: EditionKey, work: () => T): T {
  return current.run(edition(key), work);
}

/** Runs `work` in the edition of a route pattern (`/en/[section]` is the English edition's). */
export function inEditionOfPattern<T>(pattern: string | undefined, work: () => T): T {
  return inEdition(pattern === undefined ? undefined : patternEdition(pattern, EDITION_KEYS), work);
}

/** Runs a request's rendering in the edition of its URL. */
export function inEditionOfPath<T>(pathname: string, work: () => T): T {
  return inEdition(pathEdition(pathname, main.siteBase, EDITION_KEYS), work);
}
