import { fallbackCss, fallbacksFor, WEB_FONT_METRICS } from './metrics.ts';
import { FONTS, type FontId } from './families.ts';

/** The fallback faces of a web font: their CSS and the family names, in stack order. */
export function fontFallbacks(id: FontId): { css: string; families: string[] } {
  const font = FONTS[id];
  return fallbackCss(font.family, WEB_FONT_METRICS[id], fallbacksFor(font.generic));
}
