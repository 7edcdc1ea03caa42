/**
 * The theme's Markdown steps in Astro's own Markdown processor (Sätteri, with Shiki), as a site renders
 * a story: the HTML is parsed back with htmlparser2 to read what a browser would.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseDocument } from 'htmlparser2';
import { DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { isKhabarPlugin, khabarHastPlugins, withFootnoteWords } from './plugins.ts';

const arabicDigits = (n: number) => new Intl.NumberFormat('ar-u-nu-arab').format(n);
const words = { label: 'الهوامش', backLabel: 'العودة إلى الإحالة {reference}', formatNumber: arabicDigits };

/** An English edition's footnote words, for the files under `en/`. */
const english = { label: 'Notes', backLabel: 'Back to reference {reference}', formatNumber: String };
const wordsOf = (fileURL: URL | undefined) => (fileURL?.pathname.includes('/en/') ? english : undefined);

async function render(markdown: string, features: Record<string, unknown> = {}, fileURL?: URL) {
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'shiki',
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } },
    hastPlugins: khabarHastPlugins(words, wordsOf),
    features: withFootnoteWords(features, words),
  } as Parameters<typeof createSatteriMarkdownProcessor>[0]);
  const { code } = await processor.render(markdown, { frontmatter: {}, ...(fileURL && { fileURL }) });
  return { html: code, document: parseDocument(code) };
}

const all = (document: ReturnType<typeof parseDocument>, tag: string) =>
  DomUtils.getElementsByTagName(tag, document);

describe('the theme’s Markdown steps', () => {
  it('runs code blocks and inline code left to right, and leaves their text as written', async () => {
    const source = 'نص `npm install` هنا\n\n```js\nconst delta = -3; // −3 +1.5\n```\n';
    const { document } = await render(source);
    const [pre] = all(document, 'pre');
    expect(pre?.attribs['dir']).toBe('ltr');
    expect(pre?.attribs['class']).toContain('astro-code');
    const inline = all(document, 'code').find((code) => DomUtils.getName(code.parent as never) === 'p');
    expect(inline?.attribs['dir']).toBe('ltr');
    expect(all(document, 'bdi')).toEqual([]);
    expect(pre && DomUtils.textContent(pre)).toBe('const delta = -3; // −3 +1.5');
  });

  it('isolates signed numbers in text and tables', async () => {
    const { document } = await render(
      'تراجع المؤشر −3 نقاط.\n\n| البند | التغير |\n|---|---|\n| النفط | +1.5 |\n',
    );
    const bdis = all(document, 'bdi');
    expect(bdis.map((bdi) => [DomUtils.textContent(bdi), bdi.attribs['dir']])).toEqual([
      ['−3', 'ltr'],
      ['+1.5', 'ltr'],
    ]);
    expect(bdis[1]?.parent && DomUtils.getName(bdis[1].parent as never)).toBe('td');
  });

  it('gives a quoted English paragraph dir="auto", and an Arabic one that starts with a name none', async () => {
    const { document } = await render(
      '"We will respond," the minister said.\n\nCNN قالت إن الاجتماع انتهى.\n',
    );
    const [english, arabic] = all(document, 'p');
    expect(english?.attribs['dir']).toBe('auto');
    expect(arabic?.attribs['dir']).toBeUndefined();
  });

  it('labels the footnotes in the site’s language and digits', async () => {
    const { document, html } = await render('قال الوزير[^1] ثم أضاف[^1].\n\n[^1]: في مؤتمر صحفي.\n');
    expect(DomUtils.textContent(all(document, 'h2'))).toBe('الهوامش');
    const labels = all(document, 'a')
      .map((a) => a.attribs['aria-label'])
      .filter(Boolean);
    expect(labels).toEqual(['العودة إلى الإحالة ١', 'العودة إلى الإحالة ١-٢']);
    // The references in the text, and the second back link's mark, in the site's digits too.
    const references = all(document, 'a').filter((a) => 'data-footnote-ref' in a.attribs);
    expect(references.map((a) => DomUtils.textContent(a))).toEqual(['١', '١']);
    expect(DomUtils.textContent(all(document, 'sup').at(-1) ?? [])).toBe('٢');
    expect(html).not.toMatch(/Footnotes|Back to reference/);
  });

  it("words and numbers an edition's story's footnotes in its language and digits", async () => {
    const file = new URL('file:///site/src/content/articles/en/summit.md');
    const { document, html } = await render(
      'The minister said[^1] and added[^1].\n\n[^1]: At a press conference.\n',
      {},
      file,
    );
    expect(DomUtils.textContent(all(document, 'h2'))).toBe('Notes');
    const labels = all(document, 'a')
      .map((a) => a.attribs['aria-label'])
      .filter(Boolean);
    expect(labels).toEqual(['Back to reference 1', 'Back to reference 1-2']);
    const references = all(document, 'a').filter((a) => 'data-footnote-ref' in a.attribs);
    expect(references.map((a) => DomUtils.textContent(a))).toEqual(['1', '1']);
    expect(html).not.toMatch(/[\u0600-\u06FF]/);
    // A file of the main edition keeps the site's words.
    const arabic = await render(
      'قال[^1].\n\n[^1]: نص.\n',
      {},
      new URL('file:///site/src/content/articles/a.md'),
    );
    expect(DomUtils.textContent(all(arabic.document, 'h2'))).toBe('الهوامش');
  });

  it('keeps footnotes off when the site turned them off, and the site’s own words', () => {
    expect(withFootnoteWords({ gfm: false }, words)).toEqual({ gfm: false });
    expect(withFootnoteWords({ gfm: { footnotes: false } }, words)).toEqual({ gfm: { footnotes: false } });
    const own = withFootnoteWords({ gfm: { footnotes: { label: 'حواشٍ' } } }, words);
    expect(own.gfm).toMatchObject({ footnotes: { label: 'حواشٍ' } });
  });

  it('names every plugin so the integration tells them from a site’s own', () => {
    expect(khabarHastPlugins().every(isKhabarPlugin)).toBe(true);
    expect(khabarHastPlugins(words, wordsOf).every(isKhabarPlugin)).toBe(true);
    expect(isKhabarPlugin({ name: 'my-plugin' })).toBe(false);
  });
});
