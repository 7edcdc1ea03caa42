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

  it('imports every stylesheet into one khabar layer, from the one index.css every page links', async () => {
    const styles = join(repoRoot, 'packages/theme/src/styles');
    const index = await readFile(join(styles, 'index.css'), 'utf8');
    const imported = new Map(
      [...index.matchAll(/^@import '\.\/([^']+)' layer\((khabar\.\w+)\);$/gm)].map((m) => [m[1], m[2]]),
    );
    const files = (await readdir(styles, { recursive: true }))
      .filter((f) => f.endsWith('.css') && f !== 'index.css')
      .map((f) => f.split('\\').join('/'));
    expect(files.filter((f) => !imported.has(f))).toEqual([]);
    for (const file of files.filter((f) => f.startsWith('components/'))) {
      expect(imported.get(file), file).toBe('khabar.components');
    }
  });

  it('keeps a page part’s styles in its stylesheet, not in a <style> of the part', async () => {
    const components = join(repoRoot, 'packages/theme/src/components');
    const sheets = await readdir(join(repoRoot, 'packages/theme/src/styles/components'));
    for (const sheet of sheets) {
      const part = await readFile(join(components, sheet.replace(/\.css$/, '.astro')), 'utf8');
      // A scoped <style> would put data-astro-cid attributes back on every element of the part.
      expect(part, sheet).not.toMatch(/<style(?![^>]*is:inline)/);
    }
  });

  it('detects a physical property when there is one', () => {
    expect(PHYSICAL.some((re) => re.test('  margin-left: 1rem;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  text-align: right;'))).toBe(true);
    expect(PHYSICAL.some((re) => re.test('  margin-inline-start: 1rem;'))).toBe(false);
  });
});
