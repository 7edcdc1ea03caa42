import { describe, expect, it } from 'vitest';
import { TRANSLATIONS } from '../../config/strings.ts';
import { facadeStringsOf } from './facade.ts';
import { bareEmbed, embedsMdastPlugin, hasBareEmbeds, isBareLink } from './markdown-plugin.ts';

const text = (node: unknown) => (node as { text: string }).text;
const paragraph = (...children: { type: string; url?: string; text?: string }[]) => ({
  type: 'paragraph' as const,
  children,
});

describe('the bare-link rule', () => {
  it('takes a paragraph that is only a link whose text is its address', () => {
    const url = 'https://www.youtube.com/watch?v=M7lc1UVf-VE';
    expect(bareEmbed(paragraph({ type: 'link', url, text: url }), text)?.platform).toBe('youtube');
    // A GFM literal without its scheme: the link's address gains http://.
    expect(
      isBareLink('www.youtube.com/watch?v=M7lc1UVf-VE', 'http://www.youtube.com/watch?v=M7lc1UVf-VE'),
    ).toBe(true);
  });

  it('leaves a link with words, a link inside a sentence and a link elsewhere alone', () => {
    const url = 'https://youtu.be/M7lc1UVf-VE';
    expect(bareEmbed(paragraph({ type: 'link', url, text: 'شاهد الفيديو' }), text)).toBeUndefined();
    expect(
      bareEmbed(paragraph({ type: 'text', text: 'انظر ' }, { type: 'link', url, text: url }), text),
    ).toBeUndefined();
    const other = 'https://news.example/story';
    expect(bareEmbed(paragraph({ type: 'link', url: other, text: other }), text)).toBeUndefined();
  });

  it('tells from a story’s Markdown whether it has such a line (for the click-to-load script)', () => {
    expect(hasBareEmbeds('فقرة.\n\nhttps://x.com/khabar_example/status/1804315829405716480\n\nفقرة.')).toBe(
      true,
    );
    expect(hasBareEmbeds('فقرة.\n\n<https://youtu.be/M7lc1UVf-VE>\n')).toBe(true);
    expect(hasBareEmbeds('انظر https://youtu.be/M7lc1UVf-VE في الخبر.')).toBe(false);
    expect(hasBareEmbeds('https://news.example/story')).toBe(false);
  });
});

describe('the plugin', () => {
  const url = 'https://youtu.be/M7lc1UVf-VE';
  const node = paragraph({ type: 'link', url, text: url });
  const arabic = facadeStringsOf(TRANSLATIONS['ar'] as Record<string, string>);
  const english = facadeStringsOf(TRANSLATIONS['en'] as Record<string, string>);
  const englishFile = new URL('file:///site/src/content/articles/en/port.md');
  const plugin = embedsMdastPlugin({
    strings: arabic,
    stringsOf: (fileURL) => (fileURL?.href === englishFile.href ? english : undefined),
    posterBase: '/_khabar/embeds/',
  });
  const render = async (fileURL: URL | undefined) =>
    (await plugin.paragraph(node, { sourceFormat: 'markdown', fileURL, textContent: text }))?.raw ?? '';

  it('words the facade in the language of the file being rendered, else in the site’s', async () => {
    expect(await render(englishFile)).toContain('Open it on YouTube');
    expect(await render(new URL('file:///site/src/content/articles/port.md'))).toContain('افتحه على يوتيوب');
    expect(await render(undefined)).toContain('افتحه على يوتيوب');
  });
});
