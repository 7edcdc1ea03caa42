/**
 * A greyscale PNG relabelled as a palette PNG. A social card is a coverage mask — how much ink each
 * pixel holds — and its colours are the background, the ink and the blends between them, so its palette
 * is known before a pixel is drawn. libvips writes palette PNGs only through libimagequant, which spends
 * about 20 ms a card finding a palette we already have; an 8-bit greyscale PNG of the mask's levels holds
 * the very bytes an indexed PNG of those levels holds (PNG's IDAT does not depend on the colour type
 * among 8-bit one-sample formats), so only the header changes: colour type 3 and a `PLTE` chunk.
 */
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks whose layout depends on the colour type: dropped rather than left wrong. */
const COLOUR_TYPED = new Set(['tRNS', 'bKGD', 'sBIT', 'hIST']);

export type Rgb = readonly [number, number, number];

/** One PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** The chunks of a PNG after its signature, as type and data, checking each one's bounds. */
function* chunks(png: Buffer): Generator<{ type: string; data: Buffer; raw: Buffer }> {
  let at = SIGNATURE.length;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error('the PNG ends inside a chunk');
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('the PNG ends inside a chunk');
    yield {
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
      raw: png.subarray(at, end),
    };
    at = end;
  }
}

/**
 * An 8-bit greyscale PNG whose grey levels are all below `palette.length`, as the indexed PNG that shows
 * level `i` in `palette[i]`.
 * @example greyToPalette(png, [[163, 19, 27], [255, 255, 255]]) // level 0 red, level 1 white
 */
export function greyToPalette(png: Buffer, palette: readonly Rgb[]): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  if (palette.length < 1 || palette.length > 256) throw new Error('a palette holds 1 to 256 colours');
  const out: Buffer[] = [SIGNATURE];
  for (const { type, data, raw } of chunks(png)) {
    if (type === 'IHDR') {
      // Width, height, bit depth, colour type, compression, filter, interlace.
      if (data.length !== 13 || data[8] !== 8 || data[9] !== 0)
        throw new Error('only an 8-bit greyscale PNG can be given a palette this way');
      const header = Buffer.from(data);
      header[9] = 3;
      out.push(chunk('IHDR', header), chunk('PLTE', Uint8Array.from(palette.flat())));
    } else if (!COLOUR_TYPED.has(type)) {
      out.push(raw);
    }
  }
  return Buffer.concat(out);
}

/**
 * `levels` colours from `from` to `to`, evenly blended: the palette of a mask drawn in `to` on `from`.
 * @example blendRamp([0, 0, 0], [255, 255, 255], 3) // [[0, 0, 0], [128, 128, 128], [255, 255, 255]]
 */
export function blendRamp(from: Rgb, to: Rgb, levels: number): Rgb[] {
  return Array.from({ length: levels }, (_, i) => {
    const share = levels === 1 ? 0 : i / (levels - 1);
    return from.map((value, band) =>
      Math.round(value + ((to[band] ?? value) - value) * share),
    ) as unknown as Rgb;
  });
}

/**
 * The palette of a mask quantised to `ramp.length` levels (`canvas.ts`'s `quantise`), which writes level
 * `i` as the byte `i × 256 / levels`: that byte shows `ramp[i]`. It ends at the top level's byte, the
 * largest in the image (241 entries for sixteen levels); the bytes between levels never occur and
 * show the level below.
 * @example levelPalette(blendRamp(paper, ink, 16))[240] // ink
 */
export function levelPalette(ramp: readonly Rgb[]): Rgb[] {
  const step = 256 / ramp.length;
  if (!Number.isInteger(step) || !Number.isInteger(Math.log2(ramp.length)))
    throw new Error(`levels come in powers of two up to 256, not ${ramp.length}`);
  // Each level's colour for its own byte and the unused bytes up to the next level's; the top level's once.
  return ramp.flatMap((colour, level) =>
    Array.from({ length: level < ramp.length - 1 ? step : 1 }, () => colour),
  );
}
