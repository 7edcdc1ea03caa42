import { describe, expect, it } from 'vitest';
import { expandShortcodes, parseAttributes } from './shortcodes.ts';

const none = { attachment: () => undefined };

describe('shortcodes', () => {
  it('reads the three forms of attributes', () => {
    expect(parseAttributes(` id="attachment_5" align='alignnone' width=300`)).toEqual({
      id: 'attachment_5',
      align: 'alignnone',
      width: '300',
    });
  });

  it('turns [caption] into a figure with its caption, the link around the picture dropped', () => {
    const { html } = expandShortcodes(
      '[caption id="attachment_7" align="aligncenter" width="600"]<a href="https://x.example/a.jpg"><img class="size-full" src="https://x.example/a.jpg" alt="لافروف" width="600" /></a> وزير الخارجية الروسي سيرغي لافروف[/caption]',
      none,
    );
    expect(html).toBe(
      '<figure><img class="size-full" src="https://x.example/a.jpg" alt="لافروف" width="600" /><figcaption>وزير الخارجية الروسي سيرغي لافروف</figcaption></figure>',
    );
  });

  it('reads the old caption attribute', () => {
    expect(expandShortcodes('[caption caption="تعليق"]<img src="a.jpg" />[/caption]', none).html).toContain(
      '<figcaption>تعليق</figcaption>',
    );
  });

  it('turns embeds and media into links and galleries into pictures', () => {
    expect(expandShortcodes('[embed]https://www.youtube.com/watch?v=abc[/embed]', none).html).toBe(
      '<p><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>',
    );
    expect(expandShortcodes('[audio src="https://x.example/a.mp3"]', none).html).toContain(
      'href="https://x.example/a.mp3"',
    );
    const gallery = expandShortcodes('[gallery ids="1,2,9"]', {
      attachment: (id) =>
        id === '9' ? undefined : { url: `https://x.example/${id}.jpg`, alt: `صورة ${id}`, caption: '' },
    }).html;
    expect(gallery.match(/<img/g)).toHaveLength(2);
    expect(gallery).toMatch(
      /^<figure class="wp-block-gallery"><figure><img src="https:\/\/x.example\/1.jpg"/,
    );
  });

  it('keeps other shortcodes as text and names them', () => {
    const result = expandShortcodes('قبل [contact-form-7 id="3"] بعد', none);
    expect(result.html).toBe('قبل [contact-form-7 id="3"] بعد');
    expect(result.unknown).toEqual(['contact-form-7']);
  });

  it('prints an escaped shortcode literally', () => {
    expect(expandShortcodes('[[gallery]]', none).html).toBe('[gallery]');
  });
});
