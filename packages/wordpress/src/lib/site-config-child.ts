/**
 * Run by `readSiteConfig` in a child Node process: imports a site's astro.config with
 * `astro-theme-khabar` replaced by a stand-in that records the options khabar() is called with, and
 * prints them (with the config's `redirects`) as JSON. Nothing of the theme runs, and the config's own
 * code runs as `astro build` would run it, in a process of its own.
 */
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KEY = 'khabar-wordpress.site-config';

const standIn = `export default function khabar(options) {
  (globalThis[Symbol.for(${JSON.stringify(KEY)})] ??= []).push(options);
  return { name: 'astro-theme-khabar', hooks: {} };
}`;

// Resolution hooks run before the config's imports: `astro-theme-khabar` (the package's main entry,
// the one that exports khabar()) becomes the stand-in; every other import resolves as usual.
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'astro-theme-khabar') {
    return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(standIn)}`)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;

/** What the parent reads from stdout, on its last line. */
export interface ChildResult {
  /** The options of each khabar() call, as JSON keeps them. */
  calls: unknown[];
  /**
   * Whether the config's `redirects` hold every entry of the site's `src/redirects.mjs` (the module an
   * import writes): `absent` when there is no such file, `empty` when it has no entry to tell by.
   */
  redirectsModule: 'wired' | 'not-wired' | 'absent' | 'empty';
}

const [configFile, root] = process.argv.slice(2);
if (!configFile || !root) {
  process.stderr.write('usage: site-config-child <astro.config file> <site folder>\n');
  process.exit(2);
}
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const loaded = (await import(pathToFileURL(configFile).href)) as { default?: unknown };
const redirects = (loaded.default as { redirects?: Record<string, unknown> } | undefined)?.redirects ?? {};

async function redirectsModule(): Promise<ChildResult['redirectsModule']> {
  const file = join(root ?? '.', 'src', 'redirects.mjs');
  if (!existsSync(file)) return 'absent';
  const module = (await import(pathToFileURL(file).href)) as { default?: Record<string, unknown> };
  const entries = Object.entries(module.default ?? {});
  if (entries.length === 0) return 'empty';
  return entries.every(([from, to]) => redirects[from] === to) ? 'wired' : 'not-wired';
}

const store = globalThis as Record<symbol, unknown[] | undefined>;
const result: ChildResult = { calls: store[Symbol.for(KEY)] ?? [], redirectsModule: await redirectsModule() };
// A config may leave timers or servers running: the answer is written, so the process ends here.
process.stdout.write(`\n${JSON.stringify(result)}\n`, () => process.exit(0));
