/**
 * Reading a collection a site may not have defined (`pages`, `updates`) without the warning Astro prints
 * for one that does not exist.
 */
import { getCollection } from 'astro:content';

/**
 * `getCollection(name)`, without Astro's "does not exist or is empty" warning when the site has no such
 * collection (the warning names the collection; any other line passes through). Astro's console logger
 * writes warnings with `console.info`; a site with a logger of its own sees the warning.
 */
export async function readOptionalCollection<T>(name: string): Promise<T[]> {
  const info = console.info;
  const quiet = `"${name}" does not exist or is empty`;
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(quiet)) return;
    info(...args);
  };
  try {
    // The site's own collection names are typed by its generated types, which the theme cannot see.
    return await (getCollection(name) as Promise<T[]>);
  } finally {
    console.info = info;
  }
}
