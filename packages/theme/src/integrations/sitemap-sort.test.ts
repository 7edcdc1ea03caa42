import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { sortingWithOneCollator, withSharedCollator } from './sitemap-sort.ts';

/** URLs in the shapes a news site has: numbered pages, Arabic slugs and tags, editions. */
const urls = Array.from({ length: 3000 }, (_, i) => {
  const n = (i * 7919) % 3000;
  const shapes = [
    `https://news.example/politics/page/${n}/`,
    `https://news.example/tags/النفط ${n % 17}/page/${n % 40}/`,
    `https://news.example/en/economy/story-${n}/`,
    `https://news.example/الرياضة/خبر-${n}/`,
  ];
  return shapes[i % shapes.length] ?? '';
});
/** What `String.prototype.localeCompare` is now. */
const localeCompareNow = (): unknown =>
  Object.getOwnPropertyDescriptor(String.prototype, 'localeCompare')?.value;
const sitemapOrder = (list: readonly string[]) =>
  [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('withSharedCollator', () => {
  it('orders URLs exactly as localeCompare does, and puts localeCompare back', async () => {
    const original = localeCompareNow();
    const expected = sitemapOrder(urls);
    const sorted = await withSharedCollator(() => {
      expect(localeCompareNow()).not.toBe(original);
      return Promise.resolve(sitemapOrder(urls));
    });
    expect(sorted).toEqual(expected);
    expect(localeCompareNow()).toBe(original);
  });

  it('passes every other call through', async () => {
    const results = await withSharedCollator(() =>
      Promise.resolve([
        'a'.localeCompare('B'),
        'ä'.localeCompare('z', 'sv'),
        'a10'.localeCompare('a9', 'en', { numeric: true, sensitivity: 'base' }),
      ]),
    );
    expect(results).toEqual(['a'.localeCompare('B'), 'ä'.localeCompare('z', 'sv'), 1]);
  });

  it('restores localeCompare when the task throws', async () => {
    const original = localeCompareNow();
    await expect(withSharedCollator(() => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
    expect(localeCompareNow()).toBe(original);
  });
});

describe('sortingWithOneCollator', () => {
  it('wraps only the build:done hook, which still gets its parameters', async () => {
    const seen: unknown[] = [];
    const original = localeCompareNow();
    const setup = () => undefined;
    const integration: AstroIntegration = {
      name: '@astrojs/sitemap',
      hooks: {
        'astro:config:setup': setup,
        'astro:build:done': (params) => {
          seen.push(params.dir.href, localeCompareNow() !== original);
        },
      },
    };
    const wrapped = sortingWithOneCollator(integration);
    expect(wrapped.name).toBe('@astrojs/sitemap');
    expect(wrapped.hooks['astro:config:setup']).toBe(setup);
    const params = { dir: new URL('file:///site/dist/') } as Parameters<
      NonNullable<AstroIntegration['hooks']['astro:build:done']>
    >[0];
    await wrapped.hooks['astro:build:done']?.(params);
    expect(seen).toEqual(['file:///site/dist/', true]);
    expect(localeCompareNow()).toBe(original);
  });
});
