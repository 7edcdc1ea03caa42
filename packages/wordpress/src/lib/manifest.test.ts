import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import {
  digest,
  emptyManifest,
  manifestPieces,
  parseManifest,
  serializeManifest,
  sourceKey,
  type Manifest,
} from './manifest.ts';

const post7 = {
  slug: 'روسيا',
  section: 'politics',
  published: '2016-12-01T12:20:00.000Z',
  comments: { '102': 'iw6gk5s0-e4c52780', '101': 'iw6fo0dc-583fc528' },
};
const manifest: Manifest = {
  version: 1,
  files: { 'src/redirects.mjs': digest('b'), 'src/content/articles/سياسة.md': digest('a') },
  sources: {
    'https://akhbar.example': {
      posts: {
        '10': { slug: 'عاشر', section: 'politics' },
        '7': post7,
      },
    },
  },
};

describe('the import manifest', () => {
  it('reads back what it writes', () => {
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest);
    expect(parseManifest(serializeManifest(emptyManifest()))).toEqual(emptyManifest());
  });

  it('writes the same bytes for the same data, whatever order it was built in', () => {
    const reordered: Manifest = {
      sources: {
        'https://akhbar.example': {
          posts: {
            '7': post7,
            '10': { section: 'politics', slug: 'عاشر' },
          },
        },
      },
      files: { 'src/content/articles/سياسة.md': digest('a'), 'src/redirects.mjs': digest('b') },
      version: 1,
    };
    const text = serializeManifest(manifest);
    expect(serializeManifest(reordered)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"101"')).toBeLessThan(text.indexOf('"102"'));
  });

  it('writes in pieces exactly what one JSON.stringify of the sorted manifest writes', () => {
    const odd: Manifest = {
      version: 1,
      files: {},
      sources: {
        'akhbar.example': { posts: { '3': { slug: 'x', section: 's', formerSections: ['a', 'b'] } } },
        '': { posts: {} },
        'other.example': { posts: { '1': { ...post7, link: 'https://other.example/?p=1\n"' } } },
      },
    };
    for (const value of [manifest, odd, emptyManifest()]) {
      const whole = `${JSON.stringify(value, (_key, entry: unknown) => (entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : entry), 2)}\n`;
      expect(serializeManifest(value)).toBe(whole);
      expect([...manifestPieces(value)].length).toBeGreaterThan(1);
    }
  });

  it('keys a WordPress site by its address, whatever its scheme, www. or final slash', () => {
    for (const address of ['https://akhbar.example', 'http://www.akhbar.example/', 'https://AKHBAR.example/'])
      expect(sourceKey(address)).toBe('akhbar.example');
    expect(sourceKey('https://news.example/ar/')).toBe('news.example/ar');
    expect(sourceKey('')).toBe('');
  });

  it('refuses a damaged manifest with the way out, rather than duplicating every story', () => {
    for (const text of [
      '{"version": 1, "files": {}',
      '[]',
      '{"version": 2, "files": {}, "sources": {}}',
      '{"version": 1, "files": {"a": 1}, "sources": {}}',
      '{"version": 1, "files": {}, "sources": {"x": {"posts": {"1": {"section": "a"}}}}}',
    ]) {
      expect(() => parseManifest(text, 'site/khabar-wordpress.json'), text).toThrow(ImportError);
    }
    expect(() => parseManifest('{', 'site/khabar-wordpress.json')).toThrow(
      /site\/khabar-wordpress.json is damaged.*Restore it/,
    );
  });
});
