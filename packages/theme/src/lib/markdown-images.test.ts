import { describe, expect, it } from 'vitest';
import { hasProcessedImages, remoteImagesAllowed } from './markdown-images.ts';

const LOCAL = { remote: false };
const REMOTE = { remote: true };

describe('hasProcessedImages', () => {
  it('says no for a story without pictures, whatever the rules', () => {
    expect(hasProcessedImages('قال الوزير إن [الخطة](./plan/) ستبدأ غداً.', LOCAL)).toBe(false);
    expect(hasProcessedImages('نص بلا صور', REMOTE)).toBe(false);
    expect(hasProcessedImages('', REMOTE)).toBe(false);
    expect(hasProcessedImages(undefined, REMOTE)).toBe(false);
  });

  it('finds a picture beside the story, in any form Markdown writes it', () => {
    expect(hasProcessedImages('قبل\n\n![الميناء](./port.jpg)\n\nبعد', LOCAL)).toBe(true);
    expect(hasProcessedImages('![الميناء](../../assets/port.jpg "عنوان")', LOCAL)).toBe(true);
    expect(hasProcessedImages('![الميناء](<./صور الميناء.jpg>)', LOCAL)).toBe(true);
    expect(hasProcessedImages('![الميناء](port.jpg)', LOCAL)).toBe(true);
    expect(hasProcessedImages('<img src="./port.jpg" alt="الميناء">', LOCAL)).toBe(true);
  });

  it('counts an image defined by reference, since its target is elsewhere', () => {
    expect(hasProcessedImages('![الميناء][صورة]\n\n[صورة]: ./port.jpg', LOCAL)).toBe(true);
    expect(hasProcessedImages('![صورة]\n\n[صورة]: https://cdn.example/port.jpg', LOCAL)).toBe(true);
  });

  it('leaves remote and public pictures to the browser unless the site lets Astro process remote ones', () => {
    const remote =
      '![الميناء](https://cdn.example/port.jpg)\n\n<img src="//cdn.example/b.jpg">\n\n![](/public.jpg)';
    expect(hasProcessedImages(remote, LOCAL)).toBe(false);
    expect(hasProcessedImages('![x](data:image/png;base64,AAAA)', LOCAL)).toBe(false);
    expect(hasProcessedImages(remote, REMOTE)).toBe(true);
  });

  it('finds a local picture among remote ones', () => {
    expect(hasProcessedImages('![أ](https://cdn.example/a.jpg) و ![ب](./b.jpg)', LOCAL)).toBe(true);
    expect(hasProcessedImages('<img src="https://cdn.example/a.jpg"><img src=b.jpg>', LOCAL)).toBe(true);
  });

  it('answers yes when the alt text defeats the scan', () => {
    expect(hasProcessedImages('![صورة [أرشيف] قديمة](https://cdn.example/a.jpg)', LOCAL)).toBe(true);
  });
});

describe('remoteImagesAllowed', () => {
  it('reads image.domains and image.remotePatterns', () => {
    expect(remoteImagesAllowed({ domains: [], remotePatterns: [] })).toBe(false);
    expect(remoteImagesAllowed({ domains: ['cdn.example'] })).toBe(true);
    expect(remoteImagesAllowed({ remotePatterns: [{ hostname: '**.example' }] })).toBe(true);
    expect(remoteImagesAllowed(undefined)).toBe(false);
  });
});
