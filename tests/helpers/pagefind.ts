/**
 * Searching a built site's Pagefind index in Node, as the search page does in a browser: read
 * `pagefind/parts.json`, load Pagefind's own script from the first part, merge the other parts into it,
 * and run a query. The index's files are served over loopback HTTP (Pagefind fetches them).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist, type StaticServer } from './serve.ts';

interface Pagefind {
  options(options: { basePath: string; baseUrl: string }): Promise<void>;
  mergeIndex(url: string, options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

export interface BuiltSearch {
  /** The URLs of the stories a query finds, best first. */
  search(query: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Loads so far: each load imports Pagefind afresh, so a rebuilt index is not read through an old module. */
let loads = 0;

/** Pagefind's search over the index in `dist` as it is now (each load a Pagefind module of its own). */
export async function builtSearch(dist: string): Promise<BuiltSearch> {
  const manifest = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as {
    parts: { id: string }[];
  };
  const [first, ...others] = manifest.parts;
  if (!first) throw new Error(`${dist}/pagefind/parts.json lists no part`);
  const server: StaticServer = await serveDist(dist);
  const pagefind = (await import(
    /* @vite-ignore */ `${pathToFileURL(join(dist, 'pagefind', first.id, 'pagefind.js')).href}?load=${++loads}`
  )) as Pagefind;
  await pagefind.options({ basePath: server.url(`/pagefind/${first.id}/`), baseUrl: '/' });
  for (const part of others) await pagefind.mergeIndex(server.url(`/pagefind/${part.id}/`), { baseUrl: '/' });
  return {
    async search(query) {
      const { results } = await pagefind.search(query);
      return Promise.all(results.map(async (result) => (await result.data()).url));
    },
    close: () => server.close(),
  };
}
