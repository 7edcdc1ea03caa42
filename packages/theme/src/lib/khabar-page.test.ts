import { describe, expect, it } from 'vitest';
import { pageProps } from './khabar-page.ts';

describe('pageProps', () => {
  it('takes the title and description of an .astro page from its props', () => {
    expect(pageProps({ title: 'اتصل  بنا', description: 'راسلنا.' }, '/contact/')).toEqual({
      title: 'اتصل بنا',
      description: 'راسلنا.',
      updated: undefined,
      noindex: false,
    });
  });

  it('reads a Markdown page’s frontmatter, which Astro hands its layout', () => {
    const props = pageProps(
      {
        frontmatter: {
          title: 'شروط الاستخدام',
          description: 'ما يتفق عليه القارئ والموقع.',
          updated: new Date('2016-11-20T08:00:00Z'),
        },
      },
      'src/pages/terms.md',
    );
    expect(props.title).toBe('شروط الاستخدام');
    expect(props.description).toBe('ما يتفق عليه القارئ والموقع.');
    expect(props.updated?.toISOString()).toBe('2016-11-20T08:00:00.000Z');
  });

  it('lets props win over the frontmatter', () => {
    expect(pageProps({ title: 'أ', frontmatter: { title: 'ب' } }, 'x').title).toBe('أ');
  });

  it('names the page without a title, and a date that is not one', () => {
    expect(() => pageProps({ frontmatter: {} }, 'src/pages/terms.md')).toThrow(
      'KhabarPage (src/pages/terms.md) has no title: write title="…" on <KhabarPage> in an .astro page, or title: "…" in the frontmatter of a Markdown or MDX page.',
    );
    expect(() => pageProps({ title: 'أ', updated: 'أمس' }, '/x/')).toThrow(
      /updated is "أمس", which is not a date/,
    );
  });
});
