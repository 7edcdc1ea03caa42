/**
 * Collections a site may leave empty or never define: the site pages, and the approved comments (a new
 * site has none until its first approval). Astro warns on every `getCollection()` of a collection with no
 * entry, which is once per article for the comments: 100,000 lines on a large site that has approved
 * nothing yet. The theme reads such a collection once per build, without that warning.
 */
import { getCollection } from 'astro:content';

const reads = new Map<string, Promise<unknown[]>>();

/**
 * `getCollection(name)`, read once per build, without Astro's "does not exist or is empty" warning for
 * that collection (the warning names it; any other line passes through). Astro's console logger writes
 * warnings with `console.info`; a site with a logger of its own sees the warning.
 */
export function optionalCollection<T>(name: string): Promise<T[]> {
  let read = reads.get(name);
  if (!read) {
    read = (async () => {
      const info = console.info;
      const quiet = `${JSON.stringify(name)} does not exist or is empty`;
      console.info = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].includes(quiet)) return;
        info(...args);
      };
      try {
        return (await getCollection(name)) as unknown[];
      } finally {
        console.info = info;
      }
    })();
    reads.set(name, read);
  }
  return read as Promise<T[]>;
}
