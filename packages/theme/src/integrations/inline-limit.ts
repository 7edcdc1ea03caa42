/**
 * Keeps the live-updates script in its own file. Astro inlines a processed `<script>` into the page when
 * its bundle is smaller than Vite's `build.assetsInlineLimit` (4,096 bytes unless set): inlined, every
 * live story carried it again. As a file (`/_astro/…`, hashed from its content) it is fetched once,
 * cached, and never blocks rendering (`type="module"`), as the page budget asks of a script that need
 * not run before the first paint. khabar-comments does the same for its form (its inline-limit.ts);
 * each wraps the limit it finds, so the two compose in either order.
 */
import type { ViteUserConfig } from 'astro';

type InlineLimit = NonNullable<NonNullable<ViteUserConfig['build']>['assetsInlineLimit']>;

/** The bundle of LiveUpdates.astro's `<script>`: `_astro/LiveUpdates.astro_astro_type_script_index_0_lang.<hash>.js`. */
const LIVE_SCRIPT = /(?:^|\/)LiveUpdates\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/;

/**
 * `vite.build.assetsInlineLimit` for the theme: never inline the live-updates script; everything else
 * follows the limit already set (the site's, another integration's), or Vite's default when none is.
 * @example assetsInlineLimit(undefined)('_astro/LiveUpdates.astro_astro_type_script_index_0_lang.B1x.js', code) // false
 */
export function assetsInlineLimit(
  own: InlineLimit | undefined,
): ((filePath: string, content: Buffer) => boolean | undefined) & { toJSON: () => unknown } {
  const limit = (filePath: string, content: Buffer) => {
    if (LIVE_SCRIPT.test(filePath)) return false;
    if (typeof own === 'function') return own(filePath, content);
    return own === undefined ? undefined : content.byteLength < own;
  };
  // Astro's incremental build hashes the config as JSON, which drops functions: this keeps the limit it
  // wraps in the hash, so changing it still renders every page again.
  return Object.assign(limit, {
    toJSON: () => ({
      liveScript: 'file',
      own:
        typeof own === 'function' ? ((own as { toJSON?: () => unknown }).toJSON?.() ?? own.toString()) : own,
    }),
  });
}
