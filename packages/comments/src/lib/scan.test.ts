import { describe, expect, it } from 'vitest';
import { mergePosts, postsFromHtml } from './scan.ts';

describe('postsFromHtml', () => {
  it('reads the comment sections of a built page', () => {
    const html = `<main><section class="khabar-comments" id="comments" data-khabar-post-id="روسيا &amp; &quot;سوريا&quot;" data-khabar-post-url="/politics/%D8%B1/" data-khabar-post-title="عنوان" data-khabar-published="2016-12-01T07:00:00.000Z" data-khabar-closed="false" data-astro-source-file="x"></section></main>`;
    expect(postsFromHtml(html)).toEqual([
      {
        id: 'روسيا & "سوريا"',
        url: '/politics/%D8%B1/',
        title: 'عنوان',
        published: '2016-12-01T07:00:00.000Z',
        closed: false,
      },
    ]);
  });
  it('ignores sections without a site path and merges duplicates', () => {
    expect(postsFromHtml('<section data-khabar-post-id="a" data-khabar-post-url="https://evil/">')).toEqual(
      [],
    );
    const a = { id: 'a', url: '/a/', title: '', closed: false };
    expect(mergePosts([[a], [{ ...a, url: '/b/' }]])).toEqual([a]);
  });
});
