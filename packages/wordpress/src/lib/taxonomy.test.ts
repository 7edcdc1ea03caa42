import { describe, expect, it } from 'vitest';
import type { WxrCategory } from '../wxr/types.ts';
import { mapAuthor, mapSections } from './taxonomy.ts';

const category = (nicename: string, name: string, parent = ''): WxrCategory => ({
  termId: '1',
  nicename,
  name,
  parent,
  description: '',
});

describe('sections from categories', () => {
  it('keeps Arabic names and decodes percent-encoded slugs', () => {
    const { sections, byCategory } = mapSections([category('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9', 'سياسة')]);
    expect(sections).toEqual([{ slug: 'سياسة', name: 'سياسة' }]);
    expect(byCategory.get('سياسة')).toEqual({ section: 'سياسة' });
  });

  it('files a nested category under its top-level section, with its name as a tag', () => {
    const { sections, byCategory } = mapSections([
      category('%d8%b9%d8%b1%d8%a8%d9%8a', 'عربي', '%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9'),
      category('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9', 'سياسة'),
    ]);
    expect(sections.map((s) => s.slug)).toEqual(['سياسة']);
    expect(byCategory.get('عربي')).toEqual({ section: 'سياسة', tag: 'عربي' });
  });

  it('renames reserved, malformed and duplicate slugs and says why', () => {
    const { sections, renamed } = mapSections([
      category('tags', 'Tags'),
      category('Sport_News', 'Sport &amp; News'),
      category('sport-news', 'Sport news'),
    ]);
    expect(sections.map((s) => s.slug)).toEqual(['tags-section', 'sport-news', 'sport-news-2']);
    expect(sections[1]?.name).toBe('Sport & News');
    expect(renamed.map((r) => r.reason)).toEqual([
      'the theme uses this path for its own pages',
      'normalised to the theme’s slug rules',
      'another category has the same slug',
    ]);
  });
});

describe('authors', () => {
  it('uses the display name, then the full name, then the login', () => {
    const base = {
      id: '2',
      login: 'layla',
      email: '',
      displayName: '',
      firstName: '',
      lastName: '',
      description: '',
    };
    expect(mapAuthor({ ...base, displayName: 'ليلى حداد' })).toEqual({ id: 'layla', name: 'ليلى حداد' });
    expect(mapAuthor({ ...base, firstName: 'ليلى', lastName: 'حداد' }).name).toBe('ليلى حداد');
    expect(mapAuthor(base).name).toBe('layla');
    // WordPress's default display name is the login: the full name reads better.
    expect(mapAuthor({ ...base, displayName: 'layla', firstName: 'ليلى', lastName: 'حداد' }).name).toBe(
      'ليلى حداد',
    );
  });

  it('keeps the biography an export carries as one paragraph of text, and never the e-mail address', () => {
    const author = mapAuthor({
      id: '2',
      login: 'layla',
      email: 'layla@akhbar.example',
      displayName: 'ليلى حداد',
      firstName: '',
      lastName: '',
      description: 'مراسلة &amp; محررة.\n\nتكتب عن <strong>الاقتصاد</strong>.',
    });
    expect(author).toEqual({ id: 'layla', name: 'ليلى حداد', bio: 'مراسلة & محررة. تكتب عن الاقتصاد.' });
    expect(JSON.stringify(author)).not.toContain('@');
  });
});
