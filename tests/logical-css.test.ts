import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

/** Physical (left/right) properties and values that break in a right-to-left layout. */
const PHYSICAL = [
  /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)(?:-\w+)?\s*:/,
  /(?:^|[\s;{])(?:left|right)\s*:/,
  /(?:^|[\s;{])(?:float|clear|text-align)\s*:\s*(?:left|right)\b/,
  /(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
  /(?:^|[\s;{])letter-spacing\s*:\s*(?!normal)/,
  /(?:^|[\s;{])text-transform\s*:\s*(?:uppercase|lowercase|capitalize)/,
];

async function styleSources(dir: string): Promise<{ file: string; css: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(css|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8');
      const css = file.endsWith('.astro')
        ? [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
        : text;
      return { file: file.slice(repoRoot.length), css: css.replace(/\/\*[\s\S]*?\*\//g, '') };
    }),
  );
}

describe('the theme’s CSS', async () => {
  const sources = await styleSources(join(repoRoot, 'packages/theme/src'));

  it('is found', () => {
    expect(sources.filter((s) => s.css.trim()).length).toBeGreaterThan(5);
  });

  it('uses logical properties only, and never spaces or recases Arabic letters', () => {
    const offences = sources.flatMap(({ file, css }) =>
      css
        .split('\n')
        .filter((line) => PHYSICAL.some((re) => re.test(line)))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });

  it('puts every rule in a khabar cascade layer', () => {
    for (const { file, css } of sources) {
      if (!file.endsWith('.astro') || !css.trim()) continue;
      // A block in a layer, or the layer-order statement itself.
      expect(css.trim(), file).toMatch(
        /^@layer khabar\.\w+\s*\{[\s\S]*\}$|^@layer (khabar\.\w+,\s*)+khabar\.\w+;$/,
      );
    }
  });

  it('detects a physical property when there is one', () => {
    expect(PHYSICAL.some((re) => re.test('  margin-left: 1rem;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  text-align: right;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  margin-inline-start: 1rem;'))).toBe(false);
  });
});
