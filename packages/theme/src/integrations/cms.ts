import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import type { KhabarConfig } from '../config/user-config.ts';
import { cmsConfig, type CmsConfig } from '../lib/cms/config.ts';

/** The editor's package, which the site installs beside the theme (an optional peer dependency). */
export const CMS_PACKAGE = '@sveltia/cms';

/** Whether a package resolves from the site's root. */
function installed(specifier: string, projectRoot: string): boolean {
  try {
    createRequire(join(projectRoot, 'package.json')).resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/**
 * The web editor's configuration when `cms` is on, after checking the site installed the editor; with
 * `cms` off, nothing (the `/admin/` route is not injected either: `lib/routes.ts`).
 */
export function setupCms(
  config: KhabarConfig,
  strings: Readonly<Record<string, string>>,
  projectRoot: string,
): CmsConfig | undefined {
  if (config.cms === false) return undefined;
  if (!installed(CMS_PACKAGE, projectRoot)) {
    throw new AstroError(
      `khabar(): \`cms\` is on, but ${CMS_PACKAGE} is not installed in this site.`,
      `Install the editor beside the theme (\`pnpm add ${CMS_PACKAGE}\`), or remove \`cms\` from the khabar() options.`,
    );
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
