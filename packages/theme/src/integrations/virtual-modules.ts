import type { ViteUserConfig } from 'astro';
import { COMPONENT_NAMES, type ComponentName } from '../config/components.ts';
import type { KhabarRuntimeConfig } from '../config/runtime-config.ts';
import type { MarkdownOptions } from '../lib/markdown-options.ts';
import type { SeoBuildInfo } from '../lib/seo/build.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

const PREFIX = 'virtual:khabar/';

/**
 * The source of every virtual module the theme serves, by id (without the `virtual:` resolution prefix).
 * Pure: the integration computes the inputs, this only writes modules.
 */
export function virtualModuleSources({
  config,
  components,
  strings,
  clock,
  seo,
  markdown,
}: {
  config: KhabarRuntimeConfig;
  components: Record<ComponentName, string>;
  strings: Record<string, string>;
  /**
   * The build's clock (ISO), and whether the site pinned it (`now`): a module of its own, so the time of a
   * build changes no other module.
   */
  clock: { instant: string; pinned: boolean };
  seo: SeoBuildInfo;
  /** The site's Markdown options, for stories rendered from their files. */
  markdown: MarkdownOptions;
}): Map<string, string> {
  const modules = new Map<string, string>();
  modules.set(`${PREFIX}config`, `export default ${JSON.stringify(config)};`);
  modules.set(
    `${PREFIX}clock`,
    `export default ${JSON.stringify(clock.instant)};\nexport const pinned = ${JSON.stringify(clock.pinned)};`,
  );
  modules.set(`${PREFIX}seo-build`, `export default ${JSON.stringify(seo)};`);
  modules.set(`${PREFIX}markdown`, `export default ${JSON.stringify(markdown)};`);
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
  modules.set(`${PREFIX}strings`, `export default ${JSON.stringify(strings)};`);
  for (const name of COMPONENT_NAMES) {
    modules.set(
      `${PREFIX}components/${name}`,
      `export { default } from ${JSON.stringify(components[name])};`,
    );
  }
  return modules;
}

/** A Vite plugin serving the theme's virtual modules. */
export function vitePluginKhabar(modules: Map<string, string>): VitePlugin {
  const resolved = new Map([...modules].map(([id, code]) => [`\0${id}`, code]));
  return {
    name: 'vite-plugin-khabar',
    resolveId(id) {
      if (modules.has(id)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      return resolved.get(id);
    },
  };
}
