/**
 * Measures the fonts the theme serves and the system fonts a browser falls back to, for the
 * metric-matched fallback faces in src/lib/fonts/metrics.ts. Run after changing a font package:
 *   pnpm --filter astro-theme-khabar exec node scripts/measure-fonts.ts
 * (Node 22 strips the types.) System fonts are read from Debian's fonts-noto-core and fonts-dejavu-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';
import { FONTS, type FontId } from '../src/lib/fonts/families.ts';
import { ARABIC_SAMPLE } from '../src/lib/fonts/metrics.ts';

const require = createRequire(import.meta.url);

function open(path: string): Font {
  const font = create(readFileSync(path));
  if ('fonts' in font) throw new Error(`${path} is a collection`);
  return font;
}

/** Mean advance of the sample's letters, in em. */
function averageAdvance(font: Font): number {
  let total = 0;
  let count = 0;
  for (const char of ARABIC_SAMPLE) {
    const cp = char.codePointAt(0);
    if (cp === undefined || !font.hasGlyphForCodePoint(cp)) continue;
    total += font.glyphForCodePoint(cp).advanceWidth;
    count += 1;
  }
  return total / count / font.unitsPerEm;
}

function metrics(font: Font) {
  return {
    ascent: +(font.ascent / font.unitsPerEm).toFixed(4),
    descent: +(Math.abs(font.descent) / font.unitsPerEm).toFixed(4),
    lineGap: +(font.lineGap / font.unitsPerEm).toFixed(4),
    arabicAdvance: +averageAdvance(font).toFixed(4),
  };
}

const web = Object.fromEntries(
  (Object.keys(FONTS) as FontId[]).map((id) => {
    const face = FONTS[id].faces[0];
    if (!face) throw new Error(id);
    return [id, metrics(open(require.resolve(face.file)))];
  }),
);
const system = {
  'Noto Naskh Arabic': metrics(open('/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf')),
  'Noto Sans Arabic': metrics(open('/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf')),
  'DejaVu Sans': metrics(open('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')),
};
console.log(JSON.stringify({ web, system }, null, 2));
