/** Crops of a story's picture for search engines and link previews. */

export interface CropSize {
  width: number;
  height: number;
}

/** Google asks for article images in 16:9, 4:3 and 1:1, at least 1200 px wide when possible. */
export const JSON_LD_RATIOS = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const;

/**
 * The largest crop of `width`×`height` with the ratio `rw:rh`, no wider than `maxWidth` and never
 * enlarged beyond the original.
 * @example cropSize(1600, 900, 1, 1) // { width: 900, height: 900 }
 * @example cropSize(1600, 900, 1200, 630, 1200) // { width: 1200, height: 630 }
 */
export function cropSize(width: number, height: number, rw: number, rh: number, maxWidth = 1200): CropSize {
  let w = Math.min(width, maxWidth, Math.floor((height * rw) / rh));
  let h = Math.round((w * rh) / rw);
  if (h > height) {
    h = height;
    w = Math.floor((h * rw) / rh);
  }
  return { width: Math.max(1, w), height: Math.max(1, h) };
}

/** The three JSON-LD crops of a picture. */
export function jsonLdCrops(width: number, height: number, maxWidth = 1200): CropSize[] {
  return JSON_LD_RATIOS.map(([rw, rh]) => cropSize(width, height, rw, rh, maxWidth));
}
