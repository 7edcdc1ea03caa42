import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { avatarShapes, avatarSvg } from './avatar.ts';

/** A hash with the given hue digits and cell bits (the rest of its 20 digits zero). */
const hashOf = (hue: string, bits: number) => `${hue}${bits.toString(16).padStart(4, '0')}${'0'.repeat(13)}`;

/** The grid cells a path of `M x y h w v h H x z` rectangles covers, each counted once per rectangle. */
function cellsOf(path: string): string[] {
  const cells: string[] = [];
  for (const [, x, y, w, h, back] of path.matchAll(/M(\d) (\d)h(\d)v(\d)H(\d)z/g)) {
    expect(back).toBe(x);
    for (let dy = 0; dy < Number(h); dy++)
      for (let dx = 0; dx < Number(w); dx++) cells.push(`${Number(x) + dx},${Number(y) + dy}`);
  }
  expect(path.replace(/M(\d) (\d)h(\d)v(\d)H(\d)z/g, '')).toBe('');
  return cells.sort();
}

/** The cells the hash's bits fill: columns 0–2 from the bits, 3 and 4 mirroring 1 and 0. */
function expectedCells(bits: number): string[] {
  const cells: string[] = [];
  for (let row = 0; row < 5; row++)
    for (let col = 0; col < 5; col++)
      if ((bits >> (row * 3 + Math.min(col, 4 - col))) & 1) cells.push(`${col},${row}`);
  return cells.sort();
}

describe('avatarShapes', () => {
  it('covers exactly the filled cells, each once, for every one of the 32,768 patterns', () => {
    for (let bits = 0; bits < 1 << 15; bits++) {
      const { cells } = avatarShapes(hashOf('000', bits));
      const covered = cellsOf(cells);
      expect(covered).toEqual(expectedCells(bits));
      expect(new Set(covered).size).toBe(covered.length);
    }
  });

  it('merges touching cells: a full grid is one rectangle, a lone cell is one', () => {
    expect(avatarShapes(hashOf('000', 0x7fff)).cells).toBe('M0 0h5v5H0z');
    expect(avatarShapes(hashOf('000', 0b100)).cells).toBe('M2 0h1v1H2z');
    expect(avatarShapes(hashOf('000', 0)).cells).toBe('');
  });

  it('takes the hue from the first three digits, and draws nothing from a value that is not a hash', () => {
    const { background, foreground } = avatarShapes('c714d3f8d033760531b8');
    expect(background).toBe('hsl(279 45% 92%)');
    expect(foreground).toBe('hsl(279 55% 38%)');
    expect(avatarShapes('<script>alert(1)</script>')).toEqual(avatarShapes('0'.repeat(20)));
  });
});

describe('avatarSvg', () => {
  it('is a standalone SVG document with the shapes', () => {
    const svg = avatarSvg('c714d3f8d033760531b8', 32);
    const { document } = parseHTML(`<div>${svg}</div>`);
    const root = document.querySelector('svg');
    expect(root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root?.getAttribute('width')).toBe('32');
    expect(root?.getAttribute('aria-hidden')).toBe('true');
    expect(document.querySelector('path')?.getAttribute('d')).toBe(
      avatarShapes('c714d3f8d033760531b8').cells,
    );
  });
});
