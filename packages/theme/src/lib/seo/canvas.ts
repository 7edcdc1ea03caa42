/**
 * The social cards' pixels, all in libvips (through `sharp`): text set by Pango, shapes as SVG, layers
 * stacked by `composite`, masks joined by `boolean`. Nothing here touches a pixel in JavaScript: a
 * mask set into an empty box of another (`pasteMask`) is copied there row by row, as whole rows.
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
 * Text as a mask of its ink's coverage, 0 (paper) to 255 (ink), one byte a pixel. Colours in the
 * markup are ignored. Taking it to fewer levels is left to the whole card (`quantise`): a `linear` here
 * made the pipeline floating-point and cost more than setting the text (1.9 ms against 0.7).
 */
export async function textMask(sharp: SharpFactory, options: TextOptions): Promise<PixelBlock> {
  const { data, info } = await oneBand(sharp(pango(options, false)))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 };
}

/**
 * Once a pipeline is on one band it must say so (`b-w`): `sharp` would write three bands otherwise, at
 * three times the cost.
 */
function oneBand(image: Sharp): Sharp {
  return image.toColourspace('b-w');
}

/** The byte each pixel is `and`ed with to keep `levels` levels, and the step between two levels. */
function levelBits(levels: number): { keep: number; step: number } {
  const step = 256 / levels;
  if (!Number.isInteger(Math.log2(levels)) || levels < 2 || levels > 256)
    throw new Error(`a mask is quantised to a power of two from 2 to 256 levels, not ${levels}`);
  return { keep: 256 - step, step };
}

/** One constant operand per size and level count: a card's is 756 kB, made once per build. */
const operands = new Map<string, Buffer>();

/**
 * A mask's coverage taken down to `levels` levels (a power of two) in libvips, as a one-band pipeline
 * to be written: each pixel keeps its top bits (`and`, integer arithmetic), so level `i` is written as
 * the byte `i × 256 / levels` — 0, 16, 32 … 240 for sixteen. `levelPalette` colours those bytes.
 * @example quantise(sharp, mask, 16).png() // a greyscale PNG of the bytes 0, 16 … 240
 */
export function quantise(sharp: SharpFactory, mask: PixelBlock, levels: number): Sharp {
  const { keep } = levelBits(levels);
  const { data, width, height } = mask;
  const key = `${width}x${height}/${keep}`;
  let operand = operands.get(key);
  if (!operand) {
    operand = Buffer.alloc(width * height, keep);
    operands.set(key, operand);
  }
  const raw = { width, height, channels: 1 as const };
  return oneBand(sharp(data, { raw }).boolean(operand, 'and', { raw }));
}

/** A block as a `composite` layer with its top-left corner at (`left`, `top`). */
export function layer(block: PixelBlock, top: number, left: number): OverlayOptions {
  const { data, width, height, channels } = block;
  return { input: data, raw: { width, height, channels }, top, left };
}

/** Layers drawn in `INK` (and `PAPER`, to cut out) stacked on paper, as a mask of ink coverage (0–255). */
export async function stackMask(
  sharp: SharpFactory,
  size: { width: number; height: number },
  layers: OverlayOptions[],
): Promise<PixelBlock> {
  const { width, height } = size;
  const flat = await sharp({ create: { width, height, channels: 3, background: PAPER } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer();
  // A second pass: libvips orders a pipeline's steps itself, and would take the band before stacking.
  const { data } = await oneBand(sharp(flat, { raw: { width, height, channels: 3 } }).extractChannel(0))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width, height, channels: 1 };
}

/**
 * A mask set at (`left`, `top`) into a base mask whose pixels under it are all empty, as a new mask:
 * each of the block's rows is copied into the base's row (`Buffer.copy`, no pixel read in JavaScript),
 * which is what `placeMask`'s `or` comes to there, without a libvips pipeline over the whole card
 * (half a millisecond of a card's five). `undefined` when the block does not fit inside the base or the
 * base holds ink under it: then `placeMask` joins them.
 * @example pasteMask(base, headline, 150, 80) // the card's mask, headline in place
 */
export function pasteMask(
  base: PixelBlock,
  block: PixelBlock,
  top: number,
  left: number,
): PixelBlock | undefined {
  if (base.channels !== 1 || block.channels !== 1) return undefined;
  const { width, height } = block;
  if (top < 0 || left < 0 || top + height > base.height || left + width > base.width) return undefined;
  const empty = Buffer.alloc(width);
  for (let row = 0; row < height; row++) {
    const at = (top + row) * base.width + left;
    if (base.data.compare(empty, 0, width, at, at + width) !== 0) return undefined;
  }
  const data = Buffer.from(base.data);
  for (let row = 0; row < height; row++)
    block.data.copy(data, (top + row) * base.width + left, row * width, (row + 1) * width);
  return { data, width: base.width, height: base.height, channels: 1 };
}

/**
 * A mask placed at (`left`, `top`) on a base mask whose pixels under it are empty: a one-band
 * pipeline, to be written.
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
