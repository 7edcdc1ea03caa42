/**
 * The social cards' pixels, all in libvips (through `sharp`): text set by Pango, shapes as SVG, layers
 * stacked by `composite`, masks joined by `boolean`. Nothing here touches a pixel in JavaScript.
 * A card is drawn as a mask — how much ink each pixel holds, 0 to 255 — that the palette colours
 * (`png.ts`); `social-card.ts` lays it out with these.
 */
import type { OverlayOptions, Sharp, SharpOptions } from 'sharp';

/** `sharp` as the caller imported it. */
export interface SharpFactory {
  (options?: SharpOptions): Sharp;
  (input: Buffer, options?: SharpOptions): Sharp;
}

/**
 * The red, green and blue of a `#rrggbb` colour.
 * @example hexRgb('#a3131b') // [163, 19, 27]
 */
export function hexRgb(colour: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new Error(`the social card colour "${colour}" is not a colour like "#a3131b"`);
  return [parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16), parseInt(match[3] ?? '', 16)];
}

/** Raw pixels, `channels` bytes a pixel, row after row. */
export interface PixelBlock {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

/** Ink, the colour a mask's full coverage stands for while layers are stacked. */
export const INK = '#ffffff';
/** Paper, no coverage. */
export const PAPER = '#000000';

interface TextOptions {
  /** Pango markup. */
  markup: string;
  /** A Pango font description, e.g. `Cairo Bold 68`. */
  font: string;
  /** A TTF or OTF file: `sharp` shapes Arabic (HarfBuzz) only through its `text` input, and only with one. */
  fontfile: string;
  /** Wraps at word boundaries to this width (inside a word only when the word alone is wider). */
  width?: number | undefined;
}

const pango = ({ markup, font, fontfile, width }: TextOptions, rgba: boolean) => ({
  text: {
    text: markup,
    font,
    fontfile,
    rgba,
    dpi: 72,
    // In a right-to-left paragraph Pango mirrors alignment: 'left' sets lines flush right.
    align: 'left' as const,
    // 'word-char': a word wider than the line (a long name, a URL) breaks where it must, not past the edge.
    ...(width && { width, wrap: 'word-char' as const }),
  },
});

/** Text as straight-alpha RGBA, in the colours its markup gives, for stacking with `layer`. */
export async function textBlock(sharp: SharpFactory, options: TextOptions): Promise<PixelBlock> {
  // Raw pixels: the block is composited at once, so a PNG round trip would only cost time.
  const { data, info } = await sharp(pango(options, true)).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 4 };
}

/**
 * Text as a mask of `levels` levels of its ink's coverage (0 to `levels` − 1, rounded), one byte a
 * pixel. Colours in the markup are ignored.
 */
export async function textMask(
  sharp: SharpFactory,
  options: TextOptions,
  levels: number,
): Promise<PixelBlock> {
  const { data, info } = await levelled(sharp(pango(options, false)), levels)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 };
}

/**
 * One band of coverage taken to `levels` levels. Once a pipeline is on one band it must say so
 * (`b-w`): `sharp` would write three bands otherwise, at three times the cost.
 */
function levelled(image: Sharp, levels: number): Sharp {
  // libvips truncates to bytes: adding a half rounds.
  return image.linear((levels - 1) / 255, 0.5).toColourspace('b-w');
}

/** A block as a `composite` layer with its top-left corner at (`left`, `top`). */
export function layer(block: PixelBlock, top: number, left: number): OverlayOptions {
  const { data, width, height, channels } = block;
  return { input: data, raw: { width, height, channels }, top, left };
}

/**
 * Layers drawn in `INK` (and `PAPER`, to cut out) stacked on paper, as a mask of `levels` levels
 * (0 to `levels` − 1, rounded).
 */
export async function stackMask(
  sharp: SharpFactory,
  size: { width: number; height: number },
  layers: OverlayOptions[],
  levels: number,
): Promise<PixelBlock> {
  const { width, height } = size;
  const flat = await sharp({ create: { width, height, channels: 3, background: PAPER } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer();
  // A second pass: libvips orders a pipeline's steps itself, and would take the levels before stacking.
  const { data } = await levelled(
    sharp(flat, { raw: { width, height, channels: 3 } }).extractChannel(0),
    levels,
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width, height, channels: 1 };
}

/**
 * A mask placed at (`left`, `top`) on a base mask of the same levels whose pixels under it are empty:
 * a one-band pipeline, to be written.
 */
export function placeMask(
  sharp: SharpFactory,
  base: PixelBlock,
  block: PixelBlock,
  top: number,
  left: number,
): Sharp {
  // What falls outside the base is cut off rather than refused: the drawing never fails on a long text.
  const width = Math.min(block.width, base.width - left);
  const height = Math.min(block.height, base.height - top);
  if (width < block.width || height < block.height) {
    const rows: Buffer[] = [];
    for (let row = 0; row < Math.max(0, height); row++)
      rows.push(block.data.subarray(row * block.width, row * block.width + Math.max(0, width)));
    block = {
      data: Buffer.concat(rows),
      width: Math.max(1, width),
      height: Math.max(1, height),
      channels: 1,
    };
    if (rows.length === 0 || width <= 0) block.data = Buffer.alloc(block.width * block.height);
  }
  return (
    sharp(block.data, { raw: { width: block.width, height: block.height, channels: 1 } })
      .extend({
        top,
        left,
        bottom: base.height - top - block.height,
        right: base.width - left - block.width,
        background: PAPER,
      })
      // Where the block is empty the base shows, and the base is empty under the block: `or` joins them.
      .boolean(base.data, 'or', { raw: { width: base.width, height: base.height, channels: 1 } })
      .toColourspace('b-w')
  );
}
