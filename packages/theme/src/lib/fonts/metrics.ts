/**
 * Metric-matched fallback faces. While a web font loads, the browser draws text in a local font; if
 * that font's letters are wider or taller, lines re-wrap when the web font arrives and the page jumps.
 * A fallback `@font-face` over a local font with `size-adjust` and ascent/descent overrides makes the
 * local font take the web font's space. Astro's own optimized fallbacks measure Latin letters, which
 * gives nonsense for an Arabic face (Cairo over Arial came out at 52 %), so the theme measures Arabic.
 */
import type { FontId } from './families.ts';

/** Ordinary Arabic prose: the letters' frequencies are those of real text. */
export const ARABIC_SAMPLE =
  'أكد الوزير في حديث صحفي أن الحكومة تعمل على تحسين الخدمات العامة في المدن والقرى وأن المشاريع الجديدة ستوفر فرص عمل للشباب خلال العام المقبل بحسب الخطة التي أقرها المجلس';

/** Vertical metrics and the mean advance of Arabic letters, all in em. */
export interface FaceMetrics {
  ascent: number;
  descent: number;
  lineGap: number;
  arabicAdvance: number;
}

/** Measured by scripts/measure-fonts.ts from the fonts' Arabic files. */
export const WEB_FONT_METRICS = {
  'noto-naskh-arabic': { ascent: 1.069, descent: 0.634, lineGap: 0, arabicAdvance: 0.4961 },
  'noto-kufi-arabic': { ascent: 1.282, descent: 0.615, lineGap: 0, arabicAdvance: 0.59 },
  cairo: { ascent: 1.303, descent: 0.571, lineGap: 0, arabicAdvance: 0.5573 },
  'ibm-plex-sans-arabic': { ascent: 1.085, descent: 0.415, lineGap: 0, arabicAdvance: 0.5261 },
  amiri: { ascent: 1.124, descent: 0.634, lineGap: 0, arabicAdvance: 0.5269 },
} satisfies Record<FontId, FaceMetrics>;

export interface LocalFallback {
  /** A short name, used in the fallback family's name. */
  family: string;
  /** The names `local()` finds the font by (full name and PostScript name). */
  local: string[];
  metrics: FaceMetrics;
  generic: 'serif' | 'sans-serif';
}

/**
 * Local fonts with Arabic letters, measured from Debian's packages (fonts-noto-core, fonts-dejavu-core):
 * Android and most Linux desktops have them. Fonts that could not be measured here (Arial, Tahoma,
 * Geeza Pro) are not listed rather than listed with guessed metrics.
 */
export const LOCAL_FALLBACKS: LocalFallback[] = [
  {
    family: 'Noto Naskh Arabic',
    local: ['Noto Naskh Arabic', 'NotoNaskhArabic-Regular'],
    metrics: { ascent: 1.069, descent: 0.634, lineGap: 0, arabicAdvance: 0.4948 },
    generic: 'serif',
  },
  {
    family: 'Noto Sans Arabic',
    local: ['Noto Sans Arabic', 'NotoSansArabic-Regular'],
    metrics: { ascent: 1.374, descent: 0.738, lineGap: 0, arabicAdvance: 0.5572 },
    generic: 'sans-serif',
  },
  {
    family: 'DejaVu Sans',
    local: ['DejaVu Sans', 'DejaVuSans'],
    metrics: { ascent: 0.9282, descent: 0.2358, lineGap: 0, arabicAdvance: 0.5971 },
    generic: 'sans-serif',
  },
];

/** The local fallbacks for a web font, those of its own kind (serif or sans) first. */
export function fallbacksFor(generic: 'serif' | 'sans-serif'): LocalFallback[] {
  return [...LOCAL_FALLBACKS].sort((a, b) => Number(b.generic === generic) - Number(a.generic === generic));
}

export interface FallbackFace {
  family: string;
  local: string[];
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

/**
 * The `@font-face` overrides that make a local font occupy the web font's space.
 * @example fallbackFace(web, local).sizeAdjust // 1.08 when the web font's letters are 8 % wider
 */
export function fallbackFace(web: FaceMetrics, local: FaceMetrics): Omit<FallbackFace, 'family' | 'local'> {
  const sizeAdjust = web.arabicAdvance / local.arabicAdvance;
  return {
    sizeAdjust,
    ascentOverride: web.ascent / sizeAdjust,
    descentOverride: web.descent / sizeAdjust,
    lineGapOverride: web.lineGap / sizeAdjust,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The CSS of the fallback faces for one web font, and the family names to list after it. */
export function fallbackCss(
  name: string,
  web: FaceMetrics,
  locals: readonly LocalFallback[],
): { css: string; families: string[] } {
  const families: string[] = [];
  const css = locals
    .map(({ family, local, metrics }) => {
      const fallbackFamily = `${name} fallback (${family})`;
      families.push(fallbackFamily);
      const f = fallbackFace(web, metrics);
      return `@font-face{font-family:"${fallbackFamily}";src:${local.map((l) => `local("${l}")`).join(',')};size-adjust:${percent(f.sizeAdjust)};ascent-override:${percent(f.ascentOverride)};descent-override:${percent(f.descentOverride)};line-gap-override:${percent(f.lineGapOverride)};}`;
    })
    .join('');
  return { css, families };
}
