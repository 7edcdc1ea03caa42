import { describe, expect, it } from 'vitest';
import type { WxrItem } from '../wxr/types.ts';
import { articleFile, mapPost, skipReason, type PostContext } from './article.ts';
import { mapSections } from './taxonomy.ts';

const item = (fields: Partial<WxrItem> = {}): WxrItem => ({
  title: 'روسيا تطالب الغرب  .. وتعاون',
  link: 'https://akhbar.example/2016/12/01/x/',
  guid: 'https://akhbar.example/?p=7',
  creator: 'layla',
  content: 'فقرة أولى.\n\nفقرة ثانية.',
  excerpt: '',
  postId: '7',
  postDate: '2016-12-01 14:20:00',
  postDateGmt: '2016-12-01 12:20:00',
  postModified: '2016-12-01 15:00:00',
  postModifiedGmt: '2016-12-01 13:00:00',
  commentStatus: 'open',
  postName: '%d8%b1%d9%88%d8%b3%d9%8a%d8%a7',
  status: 'publish',
  postParent: '0',
  menuOrder: '0',
  postType: 'post',
  postPassword: '',
  isSticky: '0',
  attachmentUrl: '',
  terms: [
    { domain: 'category', nicename: '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9', name: 'سياسة' },
    { domain: 'post_tag', nicename: 'g20', name: 'G20' },
  ],
  meta: {},
  comments: [],
  ...fields,
});

const context = (): PostContext => {
  const taken = new Set<string>();
  return {
    sections: mapSections([
      { termId: '1', nicename: '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9', parent: '', name: 'سياسة', description: '' },
    ]),
    fallbackSection: 'سياسة',
    authors: new Map([['layla', 'layla']]),
    timeZone: 'Asia/Damascus',
    now: new Date('2020-01-01T00:00:00Z'),
    uniqueSlug: (wanted) => {
      let slug = wanted;
      for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
      taken.add(slug);
      return slug;
    },
    image: (url) => url,
    attachment: () => undefined,
    featuredImage: (id) =>
      id === '20'
        ? { image: { src: '../../assets/wp/2016/12/l.jpg', alt: 'لافروف', caption: 'وزير الخارجية' } }
        : { missing: `featured image ${id} is not in the uploads folder` },
  };
};

describe('mapPost', () => {
  it('maps a published post to the theme’s frontmatter', () => {
    const result = mapPost(item(), context());
    if (result.kind !== 'article') throw new Error('expected an article');
    expect(result.frontmatter).toEqual({
      title: 'روسيا تطالب الغرب .. وتعاون',
      description: 'فقرة أولى.',
      published: '2016-12-01T12:20:00.000Z',
      updated: '2016-12-01T13:00:00.000Z',
      section: 'سياسة',
      tags: ['G20'],
      authors: ['layla'],
      draft: false,
      slug: 'روسيا',
    });
    expect(result.body).toBe('فقرة أولى.\n\nفقرة ثانية.');
  });

  it('imports drafts, pending, private and future posts as drafts, and skips password-protected ones', () => {
    for (const status of ['draft', 'pending', 'private', 'future']) {
      const result = mapPost(item({ status }), context());
      expect(result.kind === 'article' && result.frontmatter.draft, status).toBe(true);
    }
    expect(mapPost(item({ postPassword: 'enter' }), context())).toEqual({
      kind: 'skip',
      reason: 'password-protected: its text was meant for some readers only',
    });
    expect(skipReason(item({ status: 'trash' }))).toBe('in the trash');
  });

  it('reads post_date in the zone when the GMT date is zero, and says so', () => {
    const result = mapPost(item({ postDateGmt: '0000-00-00 00:00:00', postModifiedGmt: '' }), context());
    if (result.kind !== 'article') throw new Error('expected an article');
    expect(result.frontmatter.published).toBe('2016-12-01T12:20:00.000Z');
    expect(result.degraded.map((d) => d.reason)).toContain('no GMT date: post_date read in Asia/Damascus');
  });

  it('takes the featured image, or reports it missing', () => {
    const withImage = mapPost(item({ meta: { _thumbnail_id: '20' } }), context());
    expect(withImage.kind === 'article' && withImage.frontmatter.image?.alt).toBe('لافروف');
    const without = mapPost(item({ meta: { _thumbnail_id: '21' } }), context());
    expect(without.kind === 'article' && without.degraded.map((d) => d.reason)).toContain(
      'featured image 21 is not in the uploads folder',
    );
  });

  it('gives every story its own slug, and a title to an untitled post', () => {
    const shared = context();
    mapPost(item(), shared);
    const second = mapPost(item({ postId: '8', title: '' }), shared);
    if (second.kind !== 'article') throw new Error('expected an article');
    expect(second.frontmatter.slug).toBe('روسيا-2');
    expect(second.frontmatter.title).toBe('#8');
  });

  it('pins a sticky post, and writes pinned only when it is', () => {
    const sticky = mapPost(item({ isSticky: '1' }), context());
    expect(sticky.kind === 'article' && sticky.frontmatter.pinned).toBe(true);
    expect(sticky.kind === 'article' && sticky.degraded).toEqual([]);
    const plain = mapPost(item(), context());
    expect(plain.kind === 'article' && 'pinned' in plain.frontmatter).toBe(false);
  });

  it('writes the file with double-quoted strings', () => {
    const result = mapPost(item({ title: 'yes' }), context());
    if (result.kind !== 'article') throw new Error('expected an article');
    const file = articleFile(result.frontmatter, result.body);
    expect(file).toMatch(/^---\ntitle: "yes"\n/);
    expect(file).toContain('published: "2016-12-01T12:20:00.000Z"');
    expect(file.endsWith('\n\nفقرة أولى.\n\nفقرة ثانية.\n')).toBe(true);
  });
});
