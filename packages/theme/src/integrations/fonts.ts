import { createRequire } from 'node:module';
import type { HookParameters, ViteUserConfig } from 'astro';
import type { KhabarConfig } from '../config/user-config.ts';
import { fontPreloads, fontStylesheet } from '../lib/fonts/stylesheet.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

const STYLESHEET = 'virtual:khabar/fonts.css';
const PRELOADS = 'virtual:khabar/fonts';

/**
 * The two modules of the theme's typefaces, by id: `virtual:khabar/fonts.css`, the `@font-face` rules
 * and family variables (`lib/fonts/stylesheet.ts`), which `Head` imports so that Vite bundles them into
 * the theme's one stylesheet; and `virtual:khabar/fonts`, the URLs of the files to preload. Both name each
 * font file by its absolute path, so Vite copies it into the build under a hashed name (served from the
 * theme's own dependencies, which the site's root may not see) and writes the same URL in both.
 *
 * Not Astro's Fonts API: its `<Font>` writes the rules into a `<style>` of every page (2.9 kB on each),
 * and the URLs it gives its files are known only while pages render, too late for a bundled stylesheet.
 */
export function fontModules(fonts: KhabarConfig['fonts'], resolve: (specifier: string) => string) {
  const path = (specifier: string) => resolve(specifier).replaceAll('\\', '/');
  const preloads = fontPreloads(fonts);
  // For the pages of an edition in a language written in Latin letters.
  const latin = fontPreloads(fonts, 'latin');
  const imports = (files: string[], name: string) =>
    files.map((file, i) => `import ${name}${i} from ${JSON.stringify(`${path(file)}?url`)};`);
  const list = (files: string[], name: string) => `[${files.map((_, i) => `${name}${i}`).join(', ')}]`;
  return new Map([
    [STYLESHEET, fontStylesheet(fonts, path)],
    [
      PRELOADS,
      [
        ...imports(preloads, 'preload'),
        ...imports(latin, 'latin'),
        `export const preloads = ${list(preloads, 'preload')};`,
        `export const latinPreloads = ${list(latin, 'latin')};`,
      ].join('\n'),
    ],
  ]);
}

/** A Vite plugin serving the font modules. */
function vitePluginFonts(modules: Map<string, string>): VitePlugin {
  return {
    name: 'vite-plugin-khabar-fonts',
    resolveId(id) {
      return modules.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      return id.startsWith('\0') ? modules.get(id.slice(1)) : undefined;
    },
  };
}

/** Serves the theme's typefaces: the font modules, from the `fonts` option. */
export function addFonts(
  updateConfig: HookParameters<'astro:config:setup'>['updateConfig'],
  fonts: KhabarConfig['fonts'],
): void {
  const require = createRequire(import.meta.url);
  updateConfig({ vite: { plugins: [vitePluginFonts(fontModules(fonts, (file) => require.resolve(file)))] } });
}
