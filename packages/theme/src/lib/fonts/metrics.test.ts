import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { ARABIC_SAMPLE, fallbackCss, fallbackFace, LOCAL_FALLBACKS, WEB_FONT_METRICS } from './metrics.ts';
import { FONTS, type FontId } from './families.ts';

const require = createRequire(import.meta.url);

function measure(path: string) {
  const font = create(readFileSync(path)) as Font;
  let total = 0;
  let count = 0;
  for (const char of ARABIC_SAMPLE) {
    const cp = char.codePointAt(0) ?? 0;
    if (!font.hasGlyphForCodePoint(cp)) continue;
    total += font.glyphForCodePoint(cp).advanceWidth;
    count += 1;
  }
  return {
    ascent: font.ascent / font.unitsPerEm,
    descent: Math.abs(font.descent) / font.unitsPerEm,
    arabicAdvance: total / count / font.unitsPerEm,
  };
}

describe('font metrics', () => {
  it.each(Object.keys(FONTS) as FontId[])('match the Arabic file of %s', (id) => {
    const measured = measure(require.resolve(FONTS[id].faces[0]?.file ?? ''));
    expect(WEB_FONT_METRICS[id].ascent).toBeCloseTo(measured.ascent, 3);
    expect(WEB_FONT_METRICS[id].descent).toBeCloseTo(measured.descent, 3);
    expect(WEB_FONT_METRICS[id].arabicAdvance).toBeCloseTo(measured.arabicAdvance, 3);
  });

  const systemFiles: Record<string, string> = {
    'Noto Naskh Arabic': '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
    'Noto Sans Arabic': '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
    'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  };
  it('know the Debian file of every local fallback', () => {
    expect(LOCAL_FALLBACKS.filter((f) => !systemFiles[f.family]).map((f) => f.family)).toEqual([]);
  });
  for (const local of LOCAL_FALLBACKS) {
    const file = systemFiles[local.family] ?? '';
    const installed = existsSync(file);
    // .ci/run installs fonts-noto-core and fonts-dejavu-core; elsewhere there is nothing to compare, and
    // the skipped test's name says which file is missing.
    it.skipIf(!installed)(
      `match the system font ${local.family} (Debian)${installed ? '' : `: skipped, ${file} is not installed`}`,
      () => {
        expect(local.metrics.arabicAdvance).toBeCloseTo(measure(file).arabicAdvance, 3);
      },
    );
  }
});

describe('fallbackFace', () => {
  it('scales a local font to the web font’s letter width and keeps its line metrics', () => {
    const web = { ascent: 1.1, descent: 0.6, lineGap: 0, arabicAdvance: 0.55 };
    const local = { ascent: 0.9, descent: 0.2, lineGap: 0.1, arabicAdvance: 0.5 };
    const face = fallbackFace(web, local);
    expect(face.sizeAdjust).toBeCloseTo(1.1);
    // After size-adjust the ascent must come out at the web font's 1.1 em.
    expect(face.ascentOverride * face.sizeAdjust).toBeCloseTo(1.1);
    expect(face.descentOverride * face.sizeAdjust).toBeCloseTo(0.6);
    expect(face.lineGapOverride).toBe(0);
  });

  it('writes one @font-face per local font, named after the web font', () => {
    const { css, families } = fallbackCss('Cairo', WEB_FONT_METRICS.cairo, LOCAL_FALLBACKS);
    expect(families).toEqual(LOCAL_FALLBACKS.map((f) => `Cairo fallback (${f.family})`));
    expect(css.match(/@font-face/g)?.length).toBe(LOCAL_FALLBACKS.length);
    expect(css).toContain('src:local("DejaVu Sans"),local("DejaVuSans")');
    expect(css).toMatch(/size-adjust:93\.3\d%/);
  });
});
