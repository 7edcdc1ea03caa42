/**
 * Keeps the comment form's script in its own file. Astro inlines a processed `<script>` into the page
 * when its bundle is smaller than Vite's `build.assetsInlineLimit` (4,096 bytes unless set), and the
 * form's is about 3.4 kB: inlined, every article carried it again. As a file (`/_astro/…`, its name
 * hashed from its content) it is fetched once, cached, and never blocks rendering (`type="module"`).
 */
import type { ViteUserConfig } from 'astro';

type InlineLimit = NonNullable<NonNullable<ViteUserConfig['build']>['assetsInlineLimit']>;

/**
 * The bundle of CommentForm.astro's `<script>`, as Astro names it in the client build:
 * `_astro/CommentForm.astro_astro_type_script_index_0_lang.<hash>.js`.
 */
const FORM_SCRIPT = /(?:^|\/)CommentForm\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/;

/**
 * `vite.build.assetsInlineLimit` for a site with comments: never inline the form's script; every other
 * asset (and script) follows the site's own setting, or Vite's and Astro's default when it set none.
 *
 * @example assetsInlineLimit(undefined)('_astro/CommentForm.astro_astro_type_script_index_0_lang.B1x.js', code) // false
 */
export function assetsInlineLimit(
  own: InlineLimit | undefined,
): ((filePath: string, content: Buffer) => boolean | undefined) & { toJSON: () => unknown } {
  const limit = (filePath: string, content: Buffer) => {
    if (FORM_SCRIPT.test(filePath)) return false;
    if (typeof own === 'function') return own(filePath, content);
    return own === undefined ? undefined : content.byteLength < own;
  };
  // Astro's incremental build hashes the config as JSON, which drops functions: this keeps the site's
  // own setting in the hash, so changing it still renders every page again.
  return Object.assign(limit, {
    toJSON: () => ({ formScript: 'file', own: typeof own === 'function' ? own.toString() : own }),
  });
}
