/**
 * The social cards' pixel work, pure: parse a colour, fill an RGB canvas, draw an RGBA block over it.
 * `social-card.ts` draws with these and re-exports them.
 */

/**
 * The red, green and blue of a `#rrggbb` colour.
 * @example hexRgb('#a3131b') // [163, 19, 27]
 */
export function hexRgb(colour: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new Error(`the social card colour "${colour}" is not a colour like "#a3131b"`);
  return [parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16), parseInt(match[3] ?? '', 16)];
}

/** An opaque RGB canvas (3 bytes a pixel, row after row) filled with one colour. */
export function flatCanvas(width: number, height: number, colour: string): Buffer {
  const [r, g, b] = hexRgb(colour);
  const canvas = Buffer.allocUnsafe(width * height * 3);
  canvas[0] = r;
  canvas[1] = g;
  canvas[2] = b;
  // Doubling copies fill the rest in a handful of native calls.
  for (let filled = 3; filled < canvas.length; filled *= 2) canvas.copyWithin(filled, 0, filled);
  return canvas;
}

/**
 * Draws an RGBA block (straight alpha, as `sharp` returns raw pixels) over an opaque RGB canvas with its
 * top-left corner at (`left`, `top`), clipped to the canvas: `out = src·α + dst·(1 − α)`.
 */
export function blendOver(
  canvas: Buffer,
  canvasWidth: number,
  block: { data: Buffer; width: number; height: number },
  top: number,
  left: number,
): void {
  const canvasHeight = canvas.length / (canvasWidth * 3);
  const x0 = Math.max(0, -left);
  const x1 = Math.min(block.width, canvasWidth - left);
  const y0 = Math.max(0, -top);
  const y1 = Math.min(block.height, canvasHeight - top);
  const { data } = block;
  for (let y = y0; y < y1; y++) {
    let s = (y * block.width + x0) * 4;
    let d = ((top + y) * canvasWidth + left + x0) * 3;
    for (let x = x0; x < x1; x++, s += 4, d += 3) {
      const alpha = data[s + 3] ?? 0;
      if (alpha === 0) continue;
      if (alpha === 255) {
        canvas[d] = data[s] ?? 0;
        canvas[d + 1] = data[s + 1] ?? 0;
        canvas[d + 2] = data[s + 2] ?? 0;
        continue;
      }
      const rest = 255 - alpha;
      canvas[d] = Math.round(((data[s] ?? 0) * alpha + (canvas[d] ?? 0) * rest) / 255);
      canvas[d + 1] = Math.round(((data[s + 1] ?? 0) * alpha + (canvas[d + 1] ?? 0) * rest) / 255);
      canvas[d + 2] = Math.round(((data[s + 2] ?? 0) * alpha + (canvas[d + 2] ?? 0) * rest) / 255);
    }
  }
}
