import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import ar from '../../translations/ar.json' with { type: 'json' };
import { embedFacadeHtml, facadeStringsOf } from './facade.ts';
import { parseEmbedUrl } from './platforms.ts';

const strings = facadeStringsOf(ar);
type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

/** A small reader of the facade's markup (htmlparser2, the theme's HTML parser). */
class Node {
  constructor(readonly element: Element | undefined) {}
  /** The first element with the tag (and class, when given) within. */
  querySelector(tag: string, className?: string): Node {
    const found = this.element
      ? DomUtils.findOne(
          (e) => e.name === tag && (!className || (e.attribs['class'] ?? '').split(' ').includes(className)),
          [this.element],
        )
      : null;
    return new Node(found ?? undefined);
  }
  querySelectorAll(test: (e: Element) => boolean): Element[] {
    return this.element ? DomUtils.findAll(test, [this.element]) : [];
  }
  getAttribute(name: string): string | undefined {
    return this.element?.attribs[name];
  }
  get textContent(): string | undefined {
    return this.element ? DomUtils.textContent(this.element) : undefined;
  }
}

function facade(url: string, options: Partial<Parameters<typeof embedFacadeHtml>[1]> = {}): Node {
  const target = parseEmbedUrl(url);
  if (!target) throw new Error(url);
  const document = parseDocument(embedFacadeHtml(target, { strings, ...options }));
  return new Node(DomUtils.findOne((e) => e.name === 'figure', document.children) ?? undefined);
}

describe('embedFacadeHtml', () => {
  it('is a link to the platform, with the title, and no address of a frame or picture of the platform', () => {
    const figure = facade('https://youtu.be/M7lc1UVf-VE', { title: 'جولة "داخل" المحطة <مباشر>' });
    const link = figure.querySelector('a', 'khabar-embed__facade');
    expect(link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=M7lc1UVf-VE');
    expect(figure.querySelector('span', 'khabar-embed__title').textContent).toBe(
      'جولة "داخل" المحطة <مباشر>',
    );
    expect(figure.querySelector('span', 'khabar-embed__title').getAttribute('dir')).toBe('auto');
    expect(figure.querySelector('span', 'khabar-embed__platform').textContent).toBe('يوتيوب');
    expect(figure.getAttribute('data-frame')).toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1',
    );
    // Nothing the browser would fetch: no iframe, no img, no script with a src.
    const fetched = figure.querySelectorAll(
      (e) => e.name === 'iframe' || e.name === 'img' || (e.name === 'script' && 'src' in e.attribs),
    );
    expect(fetched.length).toBe(0);
  });

  it('shows the address left to right when no title is known', () => {
    const title = facade('https://x.com/khabar_example/status/1804315829405716480').querySelector(
      'span',
      'khabar-embed__title',
    );
    expect(title.getAttribute('dir')).toBe('ltr');
    expect(title.textContent).toBe('https://x.com/khabar_example/status/1804315829405716480');
  });

  it('shows a poster from the site, sized so the page does not jump', () => {
    const img = facade('https://youtu.be/M7lc1UVf-VE', {
      poster: { src: '/_khabar/embeds/abc.jpg', width: 480, height: 360 },
    }).querySelector('img');
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      '/_khabar/embeds/abc.jpg',
      '480',
      '360',
    ]);
  });

  it('describes a video as a VideoObject, and a post not at all', () => {
    const video = facade('https://vimeo.com/76979871', { title: 'فيلم' });
    const script = video.querySelector('script');
    expect(script.getAttribute('type')).toBe('application/ld+json');
    const data = JSON.parse(script.textContent ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'VideoObject',
      name: 'فيلم',
      url: 'https://vimeo.com/76979871',
      embedUrl: 'https://player.vimeo.com/video/76979871?dnt=1',
    });
    expect(facade('https://x.com/a/status/1').querySelector('script').element).toBeUndefined();
  });

  it('keeps the click-to-load wording for the script: without JavaScript (or in a feed) it is a link', () => {
    const figure = facade('https://youtu.be/M7lc1UVf-VE');
    expect(figure.getAttribute('data-load')).toBe('اعرض المحتوى من يوتيوب');
    expect(figure.getAttribute('data-consent')).toBe(
      'لا يُحمَّل شيء من يوتيوب قبل أن تنقر، وقد يجمع بعدها بيانات عنك.',
    );
    expect(figure.querySelector('span', 'khabar-embed__action').textContent).toBe('افتحه على يوتيوب');
    expect(figure.querySelector('figcaption').element).toBeUndefined();
  });
});
