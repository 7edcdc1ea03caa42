/**
 * The files options and frontmatter name, checked when they are validated: a missing picture is then
 * reported with the option or the story and the field that names it, not later by Vite as an import of
 * a virtual module or of a path no story is named beside.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { userError } from '../lib/user-error.ts';

/** The picture formats Astro's image service reads, by extension. */
const IMAGE_EXTENSIONS = /\.(?:avif|gif|jpe?g|png|svg|tiff?|webp)$/i;

/**
 * Fails, naming `logo.src`, when the logo option names a file that is not there or is not a picture.
 * @example checkLogo({ src: './src/assets/logo.svg', alt: 'خبر' }, '/site')
 */
export function checkLogo(logo: { src: string } | undefined, projectRoot: string): void {
  if (!logo) return;
  const file = resolve(projectRoot, logo.src);
  if (!existsSync(file)) {
    throw userError(
      `Invalid khabar() options in astro.config: logo.src names "${logo.src}", and there is no such file (looked for ${file}).`,
      {
        hint: 'logo.src is relative to the project root, e.g. "./src/assets/logo.svg". Put the logo there, fix the path, or remove the logo option to set the site name in type.',
      },
    );
  }
  if (!IMAGE_EXTENSIONS.test(file)) {
    throw userError(
      `Invalid khabar() options in astro.config: logo.src names "${logo.src}", which is not a picture Astro can read.`,
      { hint: 'Use an SVG, PNG, JPEG, WebP or AVIF file for the logo.' },
    );
  }
}

/** Whether a frontmatter picture path is a file beside the entry (not a URL, an alias or a public path). */
function isRelativeFile(src: string): boolean {
  return src.startsWith('./') || src.startsWith('../');
}

/**
 * The problem with a picture a content entry names in its frontmatter, or undefined: the field, the
 * path as written and where it was looked for. Only paths relative to the entry are checked; a remote
 * URL or an alias is resolved (and reported) by Astro.
 * @example missingPicture('/site/src/content/articles/a.md', 'image.src', './missing.jpg', '/site')
 * // 'src/content/articles/a.md: image.src names "./missing.jpg", and there is no such file (…)'
 */
export function missingPicture(
  entryFile: string,
  field: string,
  src: unknown,
  projectRoot: string,
): string | undefined {
  if (typeof src !== 'string' || !isRelativeFile(src)) return undefined;
  const file = resolve(dirname(entryFile), src);
  if (existsSync(file)) return undefined;
  const shown = (path: string) => {
    const rel = relative(projectRoot, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  return `${shown(entryFile)}: ${field} names "${src}", and there is no such file (looked for ${shown(file)}). The path is relative to the story's own file: fix it, or add the picture there.`;
}
