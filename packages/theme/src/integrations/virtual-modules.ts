import type { ViteUserConfig } from 'astro';
import { COMPONENT_NAMES, type ComponentName } from '../config/components.ts';
import type { KhabarRuntimeConfig } from '../config/runtime-config.ts';
import type { MarkdownOptions } from '../lib/markdown-options.ts';
import type { SeoBuildInfo } from '../lib/seo/build.ts';
import type { CmsConfig } from '../lib/cms/config.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

const PREFIX = 'virtual:khabar/';

/** Where the build's clock waits for the pages prerendered in the build's own process. */
export const CLOCK_GLOBAL = Symbol.for('astro-theme-khabar:clock');

/** The build's clock as `virtual:khabar/clock` hands it over. */
export interface BuildClock {
  /** The instant (ISO). */
  instant: string;
  /** Whether the site pinned it with `now` (then it is the same in every build). */
  pinned: boolean;
}

/**
 * `virtual:khabar/clock` for the pages prerendered during the build. Its code must not hold the instant:
 * Astro's incremental build reuses a page only when its code is unchanged, and every page imports the
 * clock. So the module reads the instant the integration left on `globalThis` in the same process. A
 * pinned clock is the same in every build and is written in; a prerenderer running elsewhere (where the
 * global is not seen) gets the moment the module is evaluated.
 */
export function prerenderClockSource(clock: BuildClock): string {
  const fallback = clock.pinned ? JSON.stringify(clock.instant) : 'new Date().toISOString()';
  return (
    `const clock = globalThis[Symbol.for(${JSON.stringify(CLOCK_GLOBAL.description)})];\n` +
    `export default clock?.instant ?? ${fallback};\n` +
    `export const pinned = clock?.pinned ?? ${JSON.stringify(clock.pinned)};`
  );
}

/**
 * The source of every virtual module the theme serves, by id (without the `virtual:` resolution prefix).
 * Pure: the integration computes the inputs, this only writes modules.
 */
export function virtualModuleSources({
  config,
  components,
  strings,
  editionStrings = {},
  clock,
  seo,
  markdown,
  cms,
}: {
  config: KhabarRuntimeConfig;
  components: Record<ComponentName, string>;
  strings: Record<string, string>;
  /** The UI strings of each of the site's other editions, by key. */
  editionStrings?: Record<string, Record<string, string>>;
  /**
   * The build's clock (ISO), and whether the site pinned it (`now`): a module of its own, so the time of a
   * build changes no other module.
   */
  clock: BuildClock;
  seo: SeoBuildInfo;
  /** The site's Markdown options, for stories rendered from their files. */
  markdown: MarkdownOptions;
  /** The web editor's configuration, when `cms` is on (`lib/cms/config.ts`). */
  cms?: CmsConfig | undefined;
}): Map<string, string> {
  const modules = new Map<string, string>();
  modules.set(`${PREFIX}config`, `export default ${JSON.stringify(config)};`);
  modules.set(
    `${PREFIX}clock`,
    `export default ${JSON.stringify(clock.instant)};\nexport const pinned = ${JSON.stringify(clock.pinned)};`,
  );
  modules.set(`${PREFIX}seo-build`, `export default ${JSON.stringify(seo)};`);
  modules.set(`${PREFIX}markdown`, `export default ${JSON.stringify(markdown)};`);
  if (cms) modules.set(`${PREFIX}cms`, `export default ${JSON.stringify(cms)};`);
  modules.set(
    `${PREFIX}logo`,
    config.logoFile
      ? `export { default } from ${JSON.stringify(config.logoFile)};`
      : 'export default undefined;',
  );
  modules.set(
    `${PREFIX}user-css`,
    config.customCss.map((file) => `import ${JSON.stringify(file)};`).join('\n'),
  );
  modules.set(
    `${PREFIX}strings`,
    `export default ${JSON.stringify(strings)};\nexport const editions = ${JSON.stringify(editionStrings)};`,
  );
  for (const name of COMPONENT_NAMES) {
    modules.set(
      `${PREFIX}components/${name}`,
      `export { default } from ${JSON.stringify(components[name])};`,
    );
  }
  return modules;
}

/**
 * A Vite plugin serving the theme's virtual modules; `prerender` holds the modules that differ in the
 * environment Astro prerenders pages in (the clock: `prerenderClockSource`).
 */
export function vitePluginKhabar(
  modules: Map<string, string>,
  prerender: Map<string, string> = new Map(),
): VitePlugin {
  const resolved = new Map([...modules].map(([id, code]) => [`\0${id}`, code]));
  const resolvedPrerender = new Map([...prerender].map(([id, code]) => [`\0${id}`, code]));
  return {
    name: 'vite-plugin-khabar',
    resolveId(id) {
      if (modules.has(id)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (this.environment.name === 'prerender' && resolvedPrerender.has(id))
        return resolvedPrerender.get(id);
      return resolved.get(id);
    },
  };
}
