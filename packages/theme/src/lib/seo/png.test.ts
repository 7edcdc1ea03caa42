import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blendRamp, greyToPalette, levelPalette } from './png.ts';

/** A 3×1 greyscale PNG of these levels, written by libvips. */
const greyPng = (levels: number[]) =>
  sharp(Buffer.from(levels), { raw: { width: levels.length, height: 1, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();

const chunkTypes = (png: Buffer) => {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
    types.push(png.toString('latin1', at + 4, at + 8));
  return types;
};

describe('greyToPalette', () => {
  it('shows each grey level in its palette colour: a valid indexed PNG', async () => {
    const grey = await greyPng([0, 1, 2]);
    expect([grey[24], grey[25]]).toEqual([8, 0]);
    const png = greyToPalette(grey, [
      [163, 19, 27],
      [209, 137, 141],
      [255, 255, 255],
    ]);
    expect([png[24], png[25]]).toEqual([8, 3]);
    expect(chunkTypes(png).slice(0, 2)).toEqual(['IHDR', 'PLTE']);
    expect(chunkTypes(png).at(-1)).toBe('IEND');
    // libvips checks every chunk's CRC as it reads.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([3, 1, 3]);
    expect([...data]).toEqual([163, 19, 27, 209, 137, 141, 255, 255, 255]);
  });

  it('takes only an 8-bit greyscale PNG, and a palette of 1 to 256 colours', async () => {
    const rgb = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#a3131b' } })
      .png()
      .toBuffer();
    expect(() => greyToPalette(rgb, [[0, 0, 0]])).toThrow('only an 8-bit greyscale PNG');
    expect(() => greyToPalette(Buffer.from('GIF89a'), [[0, 0, 0]])).toThrow('not a PNG');
    const grey = await greyPng([0]);
    expect(() => greyToPalette(grey, [])).toThrow('a palette holds 1 to 256 colours');
    expect(() => greyToPalette(grey.subarray(0, 20), [[0, 0, 0]])).toThrow('the PNG ends inside a chunk');
  });
});

describe('blendRamp', () => {
  it('blends evenly from the first colour to the second, both included', () => {
    expect(blendRamp([0, 0, 0], [255, 255, 255], 3)).toEqual([
      [0, 0, 0],
      [128, 128, 128],
      [255, 255, 255],
    ]);
    const ramp = blendRamp([163, 19, 27], [255, 255, 255], 16);
    expect([ramp.length, ramp[0], ramp[15]]).toEqual([16, [163, 19, 27], [255, 255, 255]]);
    expect(blendRamp([1, 2, 3], [4, 5, 6], 1)).toEqual([[1, 2, 3]]);
  });
});

describe('levelPalette', () => {
  it('shows each level’s byte (its top bits) in the level’s colour, up to the top level’s byte', () => {
    const ramp = blendRamp([163, 19, 27], [255, 255, 255], 16);
    const palette = levelPalette(ramp);
    expect(palette.length).toBe(241);
    expect([palette[0], palette[16], palette[17], palette[240]]).toEqual([
      ramp[0],
      ramp[1],
      ramp[1],
      ramp[15],
    ]);
    expect(levelPalette(blendRamp([0, 0, 0], [9, 9, 9], 256))).toHaveLength(256);
    expect(() => levelPalette(ramp.slice(0, 12))).toThrow('powers of two up to 256, not 12');
  });
});
