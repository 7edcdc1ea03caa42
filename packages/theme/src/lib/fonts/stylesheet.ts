/**
 * The fonts' stylesheet: the web fonts' `@font-face` rules, their size-matched local fallbacks and the
 * two family variables, as one piece of CSS that the bundler puts in the theme's stylesheet (cached
 * once for every page) instead of a `<style>` in each page's `<head>`.
 */
import { fontFallbacks } from './fallbacks.ts';
import { FONT_VARIABLES, FONTS, type FontDescription, type FontFace, type FontId } from './families.ts';

export interface FontChoice {
  body: FontId;
  headings: FontId;
  display: 'optional' | 'swap' | 'fallback';
}

/** A role's typeface and the weight its text uses (text 400, headlines 700). */
interface Role {
  variable: string;
  id: FontId;
  weight: number;
}

/** The roles to serve: the body's family, and the headings' when it is another. */
function roles(fonts: FontChoice): Role[] {
  const list: Role[] = [{ variable: FONT_VARIABLES.body, id: fonts.body, weight: 400 }];
  if (fonts.headings !== fonts.body) {
    list.push({ variable: FONT_VARIABLES.headings, id: fonts.headings, weight: 700 });
  }
  return list;
}

/**
 * The family name of a web font in the theme's CSS: its own name with a prefix, so it never means a
 * copy of the font the reader happens to have installed.
 * @example webFamily('cairo') // 'Khabar Cairo'
 */
export function webFamily(id: FontId): string {
  return `Khabar ${FONTS[id].family}`;
}

const covers = (range: string | undefined, weight: number) => {
  if (!range) return true;
  const [low = 0, high = low] = range.split(/\s+/).map(Number);
  return weight >= low && weight <= high;
};

/** The script a page's first screen is written in: Arabic, or Latin (an English edition's pages). */
export type PreloadScript = 'arabic' | 'latin';

const isLatin = (face: FontFace) => face.file.includes('-latin-');

/**
 * The face to preload for a weight: the first file of the script that draws it (Arabic unless asked).
 * @example preloadFace(FONTS.amiri, 700)?.file // '@fontsource/amiri/files/amiri-arabic-700-normal.woff2'
 * @example preloadFace(FONTS.cairo, 700, 'latin')?.file // '@fontsource-variable/cairo/files/cairo-latin-wght-normal.woff2'
 */
export function preloadFace(
  font: FontDescription,
  weight: number,
  script: PreloadScript = 'arabic',
): FontFace | undefined {
  return font.faces.find(
    (face) => isLatin(face) === (script === 'latin') && covers(face.weight ?? font.weight, weight),
  );
}

/**
 * The files to preload, by specifier: the Arabic file of each role's family, in the weight the role
 * uses. The first screen needs it; the Latin file may never load. A page in a language written in Latin
 * letters (a site's English edition) preloads the Latin files instead.
 * @example fontPreloads({ body: 'cairo', headings: 'cairo', display: 'optional' }) // ['@fontsource-variable/cairo/files/cairo-arabic-wght-normal.woff2']
 */
export function fontPreloads(fonts: FontChoice, script: PreloadScript = 'arabic'): string[] {
  return roles(fonts)
    .map((role) => preloadFace(FONTS[role.id], role.weight, script)?.file)
    .filter((file): file is string => file !== undefined);
}

/**
 * The fonts' CSS. `fileUrl` turns a face's package specifier into what `url()` holds: the integration
 * gives the file's absolute path, and the bundler copies the file into the build and writes its URL.
 * The family variables are in layer `khabar.base`, with the design tokens, so a site's CSS overrides them.
 */
export function fontStylesheet(fonts: FontChoice, fileUrl: (specifier: string) => string): string {
  const rules: string[] = [];
  const variables: string[] = [];
  for (const role of roles(fonts)) {
    const font = FONTS[role.id];
    const family = webFamily(role.id);
    for (const face of font.faces) {
      rules.push(
        `@font-face{font-family:"${family}";src:url("${fileUrl(face.file)}") format("woff2");` +
          `font-display:${fonts.display};font-weight:${face.weight ?? font.weight};font-style:normal;` +
          `unicode-range:${face.unicodeRange.join(',')}}`,
      );
    }
    const fallbacks = fontFallbacks(role.id);
    rules.push(fallbacks.css);
    const stack = [family, ...fallbacks.families].map((name) => `"${name}"`);
    variables.push(`${role.variable}:${[...stack, font.generic].join(',')}`);
  }
  return `${rules.join('\n')}\n@layer khabar.base{:root{${variables.join(';')}}}\n`;
}
