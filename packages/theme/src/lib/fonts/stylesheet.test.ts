import { describe, expect, it } from 'vitest';
import { FONTS } from './families.ts';
import { fontPreloads, fontStylesheet, preloadFace, webFamily } from './stylesheet.ts';

const DEFAULTS = { body: 'noto-naskh-arabic', headings: 'cairo', display: 'optional' } as const;
const url = (specifier: string) => `/abs/${specifier}`;

/** The declarations of each `@font-face` rule, by family. */
function faces(css: string): { family: string; declarations: string }[] {
  return [...css.matchAll(/@font-face\{font-family:"([^"]+)";([^}]*)\}/g)].map((m) => ({
    family: m[1] ?? '',
    declarations: m[2] ?? '',
  }));
}

describe('fontStylesheet', () => {
  const css = fontStylesheet(DEFAULTS, url);

  it('declares every file of both families, with its weights, subset and font-display', () => {
    const web = faces(css).filter((f) => f.family.startsWith('Khabar '));
    expect(web.map((f) => f.family)).toEqual([
      'Khabar Noto Naskh Arabic',
      'Khabar Noto Naskh Arabic',
      'Khabar Cairo',
      'Khabar Cairo',
    ]);
    expect(web[0]?.declarations).toContain(
      `src:url("/abs/${FONTS['noto-naskh-arabic'].faces[0]?.file ?? ''}") format("woff2")`,
    );
    expect(web[0]?.declarations).toContain('font-weight:400 700;');
    expect(web[0]?.declarations).toMatch(/unicode-range:U\+0600-06FF,/);
    expect(web[1]?.declarations).toMatch(/unicode-range:U\+0030-0039,/);
    expect(web[2]?.declarations).toContain('font-weight:200 1000;');
    for (const face of web) expect(face.declarations).toContain('font-display:optional;');
    expect(faces(fontStylesheet({ ...DEFAULTS, display: 'swap' }, url))[0]?.declarations).toContain(
      'font-display:swap;',
    );
  });

  it('declares the size-matched local fallbacks, and stacks them after the web font in a layer', () => {
    const fallbacks = faces(css).filter((f) => f.family.includes(' fallback ('));
    expect(fallbacks.length).toBe(6);
    expect(fallbacks[0]?.declarations).toMatch(/^src:local\("Noto Naskh Arabic"\)/);
    expect(css).toMatch(
      /@layer khabar\.base\{:root\{--khabar-font-body:"Khabar Noto Naskh Arabic","Noto Naskh Arabic fallback \(Noto Naskh Arabic\)",[^;]*,serif;--khabar-font-headings:"Khabar Cairo",[^}]*,sans-serif\}\}/,
    );
  });

  it('serves one family when headings use the body’s', () => {
    const one = fontStylesheet({ ...DEFAULTS, headings: 'noto-naskh-arabic' }, url);
    expect(new Set(faces(one).map((f) => f.family)).has('Khabar Cairo')).toBe(false);
    expect(one).not.toContain('--khabar-font-headings');
  });
});

describe('the files to preload', () => {
  it('are the Arabic file of each role’s family, in the weight the role uses', () => {
    expect(fontPreloads(DEFAULTS)).toEqual([
      FONTS['noto-naskh-arabic'].faces[0]?.file,
      FONTS.cairo.faces[0]?.file,
    ]);
    // Static families: text preloads the regular file, headlines the bold one.
    expect(fontPreloads({ body: 'amiri', headings: 'ibm-plex-sans-arabic', display: 'optional' })).toEqual([
      '@fontsource/amiri/files/amiri-arabic-400-normal.woff2',
      '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-700-normal.woff2',
    ]);
    expect(fontPreloads({ ...DEFAULTS, headings: 'noto-naskh-arabic' }).length).toBe(1);
  });

  it('are the Latin files for a page in Latin letters', () => {
    expect(fontPreloads(DEFAULTS, 'latin')).toEqual([
      '@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-latin-wght-normal.woff2',
      '@fontsource-variable/cairo/files/cairo-latin-wght-normal.woff2',
    ]);
    expect(fontPreloads({ body: 'amiri', headings: 'amiri', display: 'optional' }, 'latin')).toEqual([
      '@fontsource/amiri/files/amiri-latin-400-normal.woff2',
    ]);
  });

  it('preloadFace picks the first face that draws a weight', () => {
    expect(preloadFace(FONTS.cairo, 700)?.file).toMatch(/cairo-arabic-wght/);
    expect(preloadFace(FONTS.amiri, 700)?.file).toMatch(/amiri-arabic-700/);
    expect(preloadFace(FONTS.amiri, 900)).toBeUndefined();
  });

  it('webFamily prefixes the name, so an installed copy of the font is never used for it', () => {
    expect(webFamily('cairo')).toBe('Khabar Cairo');
  });
});
