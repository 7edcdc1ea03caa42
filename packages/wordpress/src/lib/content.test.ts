import { describe, expect, it } from 'vitest';
import { convertContent, firstParagraphText, shorten, unwrapBlocks, type ContentContext } from './content.ts';

const context: ContentContext = {
  image: (url) =>
    url.includes('/wp-content/uploads/') ? `../../assets/wp/${url.split('/uploads/')[1] ?? ''}` : url,
  attachment: () => undefined,
};

describe('classic-editor content', () => {
  it('makes paragraphs, drops the no-break-space one, and keeps the text byte for byte', () => {
    const text = 'أكد وزير الخارجية  الروسي “نأمل”.\n\n&nbsp;\n\nمنوهاً  بأن – 2015، *لا* تغيير';
    const { markdown, editor } = convertContent(text, context);
    expect(editor).toBe('classic');
    const paragraphs = markdown.split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toBe('أكد وزير الخارجية  الروسي “نأمل”.');
    // Markdown's own characters are escaped, so they render as typed.
    expect(paragraphs[1]).toBe('منوهاً  بأن – 2015، \\*لا\\* تغيير');
  });

  it('turns [caption] into a figure with the picture and a figcaption', () => {
    const { markdown } = convertContent(
      'قبل\n\n[caption id="attachment_20" width="64"]<a href="x"><img src="https://a.example/wp-content/uploads/2016/12/l.jpg" alt="لافروف" /></a> وزير الخارجية[/caption]\n\nبعد',
      context,
    );
    expect(markdown).toBe(
      'قبل\n\n<figure>\n\n![لافروف](<../../assets/wp/2016/12/l.jpg>)\n\n<figcaption>وزير الخارجية</figcaption>\n</figure>\n\nبعد',
    );
  });

  it('lists shortcodes it does not know', () => {
    expect(convertContent('نص [poll id="2"]', context).unknownShortcodes).toEqual(['poll']);
  });
});

describe('block-editor content', () => {
  const blocks = [
    '<!-- wp:paragraph -->\n<p>فقرة</p>\n<!-- /wp:paragraph -->',
    '<!-- wp:heading -->\n<h2 class="wp-block-heading">عنوان</h2>\n<!-- /wp:heading -->',
    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>قول</p><cite>قائل</cite></blockquote>\n<!-- /wp:quote -->',
    '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>أ</th><th>ب</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></figure>\n<!-- /wp:table -->',
    '<!-- wp:list -->\n<ul><li>واحد</li><li>اثنان</li></ul>\n<!-- /wp:list -->',
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abc\n</div></figure>\n<!-- /wp:embed -->',
    '<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->',
  ].join('\n\n');

  it('converts the core blocks to Markdown without adding paragraphs', () => {
    const { markdown, editor, unknownBlocks } = convertContent(blocks, context);
    expect(editor).toBe('blocks');
    expect(unknownBlocks).toEqual([]);
    expect(markdown).toContain('فقرة\n\n## عنوان');
    expect(markdown).toContain('> قول');
    expect(markdown).toContain('| أ | ب |\n| --- | --- |\n| 1 | 2 |');
    expect(markdown).toMatch(/-\s+واحد\n-\s+اثنان/);
    expect(markdown).toContain('[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)');
    expect(markdown).toContain('---');
  });

  it('reads the embed blocks of WordPress 5.0–5.5 and names blocks it does not know', () => {
    const old = unwrapBlocks(
      '<!-- wp:core-embed/youtube {"url":"https://youtu.be/x"} -->\n<figure>https://youtu.be/x</figure>\n<!-- /wp:core-embed/youtube -->\n<!-- wp:my-plugin/poll {"id":1} /-->',
    );
    expect(old.html).toContain('<a href="https://youtu.be/x">');
    expect(old.unknown).toEqual(['my-plugin/poll']);
  });

  it('keeps a figure’s caption and image from an image block', () => {
    const { markdown } = convertContent(
      '<!-- wp:image -->\n<figure class="wp-block-image"><img src="https://cdn.example/a.jpg" alt="صورة"/><figcaption class="wp-element-caption">تعليق</figcaption></figure>\n<!-- /wp:image -->',
      context,
    );
    expect(markdown).toBe(
      '<figure>\n\n![صورة](<https://cdn.example/a.jpg>)\n\n<figcaption>تعليق</figcaption>\n</figure>',
    );
  });
});

describe('descriptions', () => {
  it('takes the first paragraph’s text, cut at a word', () => {
    expect(firstParagraphText('<h2>x</h2><p>&nbsp;</p><p>نص <strong>قوي</strong> &amp; واضح</p>')).toBe(
      'نص قوي & واضح',
    );
    expect(shorten('كلمة '.repeat(100), 30)).toMatch(/^(كلمة ){5}كلمة…$/);
  });
});
