import { createRequire } from 'node:module';
import type { HookParameters } from 'astro';
import { fontProviders } from 'astro/config';
import type { KhabarConfig } from '../config/user-config.ts';
import { FONT_VARIABLES, FONTS, type FontId } from '../lib/fonts/families.ts';
import { fallbackFamilies } from '../lib/fonts/fallbacks.ts';

/** Astro Fonts API families for the chosen typefaces, served from their Fontsource packages. */
function fontFamilies(fonts: KhabarConfig['fonts']) {
  const require = createRequire(import.meta.url);
  const family = (id: FontId, cssVariable: `--${string}`) => {
    const font = FONTS[id];
    return {
      provider: fontProviders.local(),
      name: font.family,
      cssVariable,
      // Astro's optimized fallbacks measure Latin letters; the theme's own measure Arabic (lib/fonts/metrics.ts).
      optimizedFallbacks: false,
      fallbacks: [...fallbackFamilies(id), font.generic],
      display: fonts.display,
      options: {
        variants: font.faces.map((face) => ({
          // A resolved file path, not a package specifier: the local provider resolves specifiers from
          // the site's root, where the theme's own dependencies are not visible.
          src: [require.resolve(face.file)] as [string],
          weight: face.weight ?? font.weight,
          style: 'normal' as const,
          unicodeRange: face.unicodeRange as [string, ...string[]],
        })),
      },
    };
  };
  const families = [family(fonts.body, FONT_VARIABLES.body)];
  if (fonts.headings !== fonts.body) families.push(family(fonts.headings, FONT_VARIABLES.headings));
  return families;
}

/** Registers the theme's typefaces with Astro's Fonts API. */
export function addFonts(
  updateConfig: HookParameters<'astro:config:setup'>['updateConfig'],
  fonts: KhabarConfig['fonts'],
): void {
  updateConfig({ fonts: fontFamilies(fonts) });
}
