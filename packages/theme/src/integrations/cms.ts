import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KhabarConfig } from '../config/user-config.ts';
import { cmsConfig, type CmsConfig } from '../lib/cms/config.ts';
import { userError } from '../lib/user-error.ts';

/** The editor's package, which the site installs beside the theme (an optional peer dependency). */
export const CMS_PACKAGE = '@sveltia/cms';

/**
 * Whether a package is installed where an import from `dir` finds it: a `node_modules/<name>` in `dir`
 * or a folder above it, as Vite resolves the `/admin/` route's import. (Node's `require.resolve` would
 * also look in NODE_PATH, which pnpm sets for its scripts and Vite never reads.)
 */
function installedFor(name: string, dir: string): boolean {
  for (let folder = dir; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules', name, 'package.json'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/**
 * The web editor's configuration when `cms` is on, after checking the editor is installed where the
 * `/admin/` route (in `themeDir`, the theme's folder) imports it from; with `cms` off, nothing (the
 * route is not injected either: `lib/routes.ts`).
 */
export function setupCms(
  config: KhabarConfig,
  strings: Readonly<Record<string, string>>,
  themeDir: string,
): CmsConfig | undefined {
  if (config.cms === false) return undefined;
  if (!installedFor(CMS_PACKAGE, themeDir)) {
    throw userError(`khabar(): \`cms\` is on, but ${CMS_PACKAGE} is not installed in this site.`, {
      hint: `Install the editor beside the theme (\`pnpm add ${CMS_PACKAGE}\`), or remove \`cms\` from the khabar() options.`,
    });
  }
  return cmsConfig({
    cms: config.cms,
    title: config.title,
    locale: config.locale,
    timeZone: config.timeZone,
    sections: config.sections,
    articlePattern: config.routes.article,
    strings,
  });
}
