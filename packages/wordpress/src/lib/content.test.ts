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

describe('galleries', () => {
  const attachments: Record<string, { url: string; alt: string; caption: string }> = {
    '31': {
      url: 'https://a.example/wp-content/uploads/2024/05/g1.jpg',
      alt: 'الأولى',
      caption: 'السوق القديم',
    },
    '32': { url: 'https://a.example/wp-content/uploads/2024/05/g2.jpg', alt: 'الثانية', caption: '' },
    '33': { url: 'https://a.example/wp-content/uploads/2024/05/g3.jpg', alt: 'الثالثة', caption: 'الميناء' },
  };
  const withAttachments: ContentContext = {
    ...context,
    attachment: (id) => attachments[id],
    attachedTo: (postId) => (postId === '7' ? ['33', '31'] : []),
  };
  const items = (markdown: string) =>
    [...markdown.matchAll(/<li class="khabar-gallery__item">[\s\S]*?<\/li>/g)].map((match) => match[0]);

  it("turns a [gallery] into the theme's Gallery markup: a list of figures, each picture in Markdown", () => {
    const { markdown } = convertContent('[gallery columns="3" ids="31,32,33"]', withAttachments);
    expect(markdown).toMatch(
      /^<figure class="khabar-gallery" data-columns="3" style="--khabar-gallery-columns: 3">\n<ul class="khabar-gallery__grid" role="list">\n/,
    );
    expect(items(markdown)).toEqual([
      '<li class="khabar-gallery__item"><figure class="khabar-gallery__figure">\n\n![الأولى](<../../assets/wp/2024/05/g1.jpg>)\n\n<figcaption class="khabar-gallery__caption" dir="auto">السوق القديم</figcaption>\n</figure></li>',
      '<li class="khabar-gallery__item"><figure class="khabar-gallery__figure">\n\n![الثانية](<../../assets/wp/2024/05/g2.jpg>)\n\n</figure></li>',
      '<li class="khabar-gallery__item"><figure class="khabar-gallery__figure">\n\n![الثالثة](<../../assets/wp/2024/05/g3.jpg>)\n\n<figcaption class="khabar-gallery__caption" dir="auto">الميناء</figcaption>\n</figure></li>',
    ]);
    expect(markdown).toMatch(/<\/ul>\n<\/figure>$/);
  });

  it('shows the pictures uploaded to the post when the [gallery] names none', () => {
    const { markdown } = convertContent('[gallery]', withAttachments, '7');
    expect(items(markdown).map((item) => /g\d/.exec(item)?.[0])).toEqual(['g3', 'g1']);
    expect(convertContent('[gallery]', withAttachments, '8').markdown).toBe('');
  });

  it("turns the block editor's gallery, old and new, into the same markup with the gallery's caption", () => {
    const nested =
      '<!-- wp:gallery {"columns":2,"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-2 is-cropped"><!-- wp:image {"id":31} -->\n<figure class="wp-block-image size-large"><img src="https://a.example/wp-content/uploads/2024/05/g1.jpg" alt="الأولى" class="wp-image-31"/><figcaption class="wp-element-caption">السوق</figcaption></figure>\n<!-- /wp:image -->\n\n<!-- wp:image {"id":32} -->\n<figure class="wp-block-image size-large"><img src="https://a.example/wp-content/uploads/2024/05/g2.jpg" alt="الثانية" class="wp-image-32"/></figure>\n<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">صور من حلب</figcaption></figure>\n<!-- /wp:gallery -->';
    const old =
      '<!-- wp:gallery {"ids":[31,32]} -->\n<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="https://a.example/wp-content/uploads/2024/05/g1.jpg" alt="الأولى" data-id="31"/><figcaption class="blocks-gallery-item__caption">السوق</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://a.example/wp-content/uploads/2024/05/g2.jpg" alt="الثانية" data-id="32"/></figure></li></ul><figcaption class="blocks-gallery-caption">صور من حلب</figcaption></figure>\n<!-- /wp:gallery -->';
    const results = [nested, old].map((html) => convertContent(html, withAttachments));
    for (const { markdown, unknownBlocks } of results) {
      expect(unknownBlocks).toEqual([]);
      expect(items(markdown)).toHaveLength(2);
      expect(items(markdown)[0]).toContain('>السوق</figcaption>');
      expect(markdown).toContain('data-columns="2"');
      expect(markdown).toContain(
        '</ul>\n<figcaption class="khabar-gallery__caption khabar-gallery__caption--all" dir="auto">صور من حلب</figcaption>\n</figure>',
      );
    }
    expect(results[0]?.markdown).toBe(results[1]?.markdown);
    // WordPress 5.0–5.2: the gallery block was a list.
    const first = convertContent(
      '<!-- wp:gallery {"ids":[31]} -->\n<ul class="wp-block-gallery columns-1 is-cropped"><li class="blocks-gallery-item"><figure><img src="https://a.example/wp-content/uploads/2024/05/g1.jpg" alt="الأولى" data-id="31"/></figure></li></ul>\n<!-- /wp:gallery -->',
      withAttachments,
    ).markdown;
    expect(items(first)).toHaveLength(1);
    expect(first).toContain('data-columns="1"');
  });
});
