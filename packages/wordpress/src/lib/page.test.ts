import { describe, expect, it } from 'vitest';
import type { WxrItem } from '../wxr/types.ts';
import { mapPages, oldPagePaths, pageChains, pageSkipReason, type PageContext } from './page.ts';
import { oldPath } from './redirects.ts';

const page = (fields: Partial<WxrItem> = {}): WxrItem => ({
  title: 'من نحن',
  link: 'https://akhbar.example/%d9%85%d9%86-%d9%86%d8%ad%d9%86/',
  guid: 'https://akhbar.example/?page_id=11',
  creator: 'layla',
  content: 'خبر موقع إخباري مستقل.\n\nفقرة ثانية.',
  excerpt: '',
  postId: '11',
  postDate: '2016-12-01 14:20:00',
  postDateGmt: '2016-12-01 12:20:00',
  postModified: '2016-12-03 10:00:00',
  postModifiedGmt: '2016-12-03 08:00:00',
  commentStatus: 'closed',
  postName: '%d9%85%d9%86-%d9%86%d8%ad%d9%86',
  status: 'publish',
  postParent: '0',
  menuOrder: '0',
  postType: 'page',
  postPassword: '',
  isSticky: '0',
  attachmentUrl: '',
  terms: [],
  meta: {},
  comments: [],
  ...fields,
});

const context: PageContext = {
  timeZone: 'Asia/Damascus',
  sectionSlugs: ['سياسة', 'news'],
  image: (url) => url,
  attachment: () => undefined,
};

describe('mapPages', () => {
  it('maps a published page to the theme’s page frontmatter and the posts’ Markdown', () => {
    const { pages, skipped } = mapPages([page()], context);
    expect(skipped).toEqual([]);
    expect(pages).toMatchObject([
      {
        postId: '11',
        slug: 'من-نحن',
        frontmatter: {
          title: 'من نحن',
          description: 'خبر موقع إخباري مستقل.',
          updated: '2016-12-03T08:00:00.000Z',
          slug: 'من-نحن',
        },
        body: 'خبر موقع إخباري مستقل.\n\nفقرة ثانية.',
        degraded: [],
      },
    ]);
  });

  it('skips drafts, private, scheduled and password-protected pages, and says why', () => {
    const { pages, skipped } = mapPages(
      [
        page({ postId: '1', status: 'draft' }),
        page({ postId: '2', status: 'private' }),
        page({ postId: '3', status: 'future' }),
        page({ postId: '4', postPassword: 'secret' }),
      ],
      context,
    );
    expect(pages).toEqual([]);
    expect(skipped.map((s) => [s.item.postId, s.reason])).toEqual([
      ['1', 'a page with status "draft": only published pages are imported'],
      ['2', 'private: it was for logged-in editors only'],
      ['3', 'a page with status "future": only published pages are imported'],
      ['4', 'password-protected: its text was meant for some readers only'],
    ]);
    expect(pageSkipReason(page())).toBeUndefined();
  });

  it('gives a nested page its ancestors’ slugs joined by dashes, whatever their order in the export', () => {
    const child = page({ postId: '30', postName: 'team', title: 'Team', postParent: '20' });
    const parent = page({ postId: '20', postName: 'about', title: 'About', postParent: '0' });
    const grandchild = page({ postId: '40', postName: 'editors', postParent: '30' });
    expect(pageChains([grandchild, child, parent]).get('40')).toEqual(['about', 'team', 'editors']);
    const { pages } = mapPages([grandchild, child, parent], context);
    expect(pages.map((p) => p.slug)).toEqual(['about', 'about-team', 'about-team-editors']);
    expect(pages[1]?.degraded).toEqual([
      { reason: 'a nested page (/about/team/): published at /about-team/' },
    ]);
  });

  it('keeps a page off the theme’s and the sections’ addresses, and off another page’s', () => {
    const { pages } = mapPages(
      [
        page({ postId: '1', postName: 'archive' }),
        page({ postId: '2', postName: 'news' }),
        page({ postId: '3', postName: 'contact' }),
        page({ postId: '4', postName: '', title: 'Contact' }),
      ],
      context,
    );
    expect(pages.map((p) => p.slug)).toEqual(['archive-page', 'news-page', 'contact', 'contact-2']);
    expect(pages[0]?.degraded).toEqual([{ reason: 'slug "archive" is taken: published at /archive-page/' }]);
  });

  it('says a page’s comments are not imported', () => {
    const withComments = page({ comments: [{} as WxrItem['comments'][number]] });
    expect(mapPages([withComments], context).pages[0]?.degraded).toEqual([
      { reason: '1 comment not imported: site pages take no comments' },
    ]);
  });

  it('lists its old addresses: the permalink, ?page_id= and the guid', () => {
    const [mapped] = mapPages([page({ guid: 'https://akhbar.example/?p=11' })], context).pages;
    if (!mapped) throw new Error('expected a page');
    expect(oldPagePaths(mapped, (link) => oldPath(link, 'https://akhbar.example'))).toEqual([
      '/%d9%85%d9%86-%d9%86%d8%ad%d9%86/',
      '/?page_id=11',
      '/?p=11',
    ]);
    const doubled = { ...mapped, link: 'https://akhbar.example//greek/level-2/' };
    expect(oldPagePaths(doubled, (link) => oldPath(link, 'https://akhbar.example'))[0]).toBe(
      '/greek/level-2/',
    );
  });
});
