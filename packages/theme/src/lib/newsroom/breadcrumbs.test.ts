import { describe, expect, it } from 'vitest';
import { breadcrumbs } from './breadcrumbs.ts';

describe('breadcrumbs', () => {
  const article = { name: 'روسيا تطالب', url: `/politics/${encodeURIComponent('روسيا-تطالب')}/` };

  it('runs home → section → article, with encoded paths', () => {
    expect(
      breadcrumbs({
        base: '/',
        homeName: 'الرئيسية',
        section: { slug: 'politics', name: 'سياسة' },
        page: article,
      }),
    ).toEqual([{ name: 'الرئيسية', url: '/' }, { name: 'سياسة', url: '/politics/' }, article]);
  });

  it('honours the base and encodes Arabic section slugs', () => {
    const trail = breadcrumbs({ base: '/news/', homeName: 'خبر', section: { slug: 'سياسة', name: 'سياسة' } });
    expect(trail).toEqual([
      { name: 'خبر', url: '/news/' },
      { name: 'سياسة', url: `/news/${encodeURIComponent('سياسة')}/` },
    ]);
  });

  it('is just home on the home page, and does not repeat a page equal to its parent', () => {
    expect(breadcrumbs({ base: '/', homeName: 'الرئيسية' })).toEqual([{ name: 'الرئيسية', url: '/' }]);
    expect(breadcrumbs({ base: '/', homeName: 'الرئيسية', page: { name: 'x', url: '/' } })).toHaveLength(1);
  });

  it('takes a tag or author page without a section', () => {
    const tag = { name: 'نفط', url: `/tags/${encodeURIComponent('نفط')}/` };
    expect(breadcrumbs({ base: '/', homeName: 'الرئيسية', page: tag }).map((c) => c.url)).toEqual([
      '/',
      tag.url,
    ]);
  });
});
