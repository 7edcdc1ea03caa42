import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_IDS, FONTS } from './families.ts';

const require = createRequire(import.meta.url);

describe('the typefaces the theme can serve', () => {
  it.each(FONT_IDS)('%s: every file exists in its package, Arabic first', (id) => {
    const font = FONTS[id];
    for (const face of font.faces) expect(existsSync(require.resolve(face.file)), face.file).toBe(true);
    expect(font.faces[0]?.file).toMatch(/-arabic-/);
  });

  it('serves static families (IBM Plex Sans Arabic, Amiri) in a regular and a bold file per subset', () => {
    expect(FONTS.amiri.faces.map((f) => f.weight)).toEqual(['400', '700', '400', '700']);
    expect(FONTS['ibm-plex-sans-arabic'].faces[1]?.file).toMatch(/arabic-700-normal\.woff2$/);
  });
});
