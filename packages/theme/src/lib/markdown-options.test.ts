import { describe, expect, it } from 'vitest';
import { markdownOptions } from './markdown-options.ts';

describe('markdownOptions', () => {
  it("keeps the site's processor features and settings as plain data", () => {
    const { options, dropped } = markdownOptions(
      '/site',
      {
        syntaxHighlight: 'shiki',
        shikiConfig: { theme: 'github-dark', transformers: [() => undefined] },
        processor: { name: 'satteri', options: { features: { gfm: true }, mdastPlugins: [] } },
      },
      { domains: ['example.org'] },
      'file:///satteri/index.js',
    );
    expect(options).toMatchObject({
      root: '/site',
      processorModule: 'file:///satteri/index.js',
      syntaxHighlight: 'shiki',
      features: { gfm: true },
      image: { domains: ['example.org'] },
    });
    // A function cannot travel into a module.
    expect(options.shikiConfig).toEqual({ theme: 'github-dark', transformers: [null] });
    expect(dropped).toEqual([]);
  });

  it('names what stories rendered on request go without', () => {
    const plugin = () => undefined;
    const { dropped } = markdownOptions(
      '/site',
      {
        remarkPlugins: [plugin],
        rehypePlugins: [],
        processor: { name: 'unified', options: {} },
      },
      {},
    );
    expect(dropped).toEqual(['the "unified" Markdown processor', 'markdown.remarkPlugins']);
  });
});
