import { describe, expect, it } from 'vitest';
import type { ArticleFrontmatter } from './article.ts';
import type { StoredComment } from './comments.ts';
import { ImportLedger } from './ledger.ts';
import { emptyManifest, type Manifest } from './manifest.ts';

const SOURCE = 'https://akhbar.example';
const frontmatter = (slug: string, draft = false): ArticleFrontmatter => ({
  title: 'عنوان',
  description: '',
  published: '2016-12-01T12:20:00.000Z',
  section: 'politics',
  tags: [],
  authors: [],
  draft,
  slug,
});
const post = (postId: string, undated = false) => ({
  postId,
  title: `خبر ${postId}`,
  link: `https://akhbar.example/${postId}/`,
  guid: `https://akhbar.example/?p=${postId}`,
  undated,
});
const comment = (id: string): StoredComment => ({
  status: 'approved',
  public: {
    id,
    postId: 'x',
    parentId: null,
    author: 'سارة',
    url: null,
    body: 'تعليق',
    createdAt: '2016-12-01T13:00:00.000Z',
    avatar: '0123456789abcdef0123',
  },
  private: { id, email: '', ip: null, userAgent: '', consent: false },
});

const previous: Manifest = {
  version: 1,
  files: {},
  sources: {
    [SOURCE]: {
      posts: {
        '7': { slug: 'روسيا', section: 'politics', comments: { '101': 'iw6fo0dc-583fc528' } },
        '9': { slug: 'مسودة', section: 'politics', undatedAt: '2016-12-02T08:00:00.000Z' },
        '12': { slug: 'قديم', section: 'sport', published: '2016-01-01T00:00:00.000Z', link: 'l', guid: 'g' },
      },
    },
    'https://other.example': { posts: { '7': { slug: 'آخر', section: 'politics' } } },
  },
};

describe('the ledger of an import run', () => {
  it('gives a post the slug and the clock an earlier import gave it, for its own WordPress only', () => {
    const ledger = new ImportLedger(previous, SOURCE);
    expect(ledger.slugOf('7')).toBe('روسيا');
    expect(ledger.slugOf('8')).toBeUndefined();
    expect(new ImportLedger(previous, 'https://other.example').slugOf('7')).toBe('آخر');
    expect([...ledger.takenSlugs()].sort()).toEqual(['آخر', 'روسيا', 'قديم', 'مسودة'].sort());
    const now = new Date('2020-01-01T00:00:00Z');
    expect(ledger.clockFor('9', now).toISOString()).toBe('2016-12-02T08:00:00.000Z');
    expect(ledger.clockFor('7', now)).toBe(now);
  });

  it('stores a comment under the id it was stored under before, and records new ones', () => {
    const ledger = new ImportLedger(previous, SOURCE);
    ledger.recordPost(post('7'), frontmatter('روسيا'));
    const again = comment('iw6fo0dd-00000000');
    ledger.comment('7', '101', again);
    expect(again.public.id).toBe('iw6fo0dc-583fc528');
    expect(again.private.id).toBe('iw6fo0dc-583fc528');
    const fresh = comment('iw6gk5s0-e4c52780');
    ledger.comment('7', '102', fresh);
    expect(fresh.public.id).toBe('iw6gk5s0-e4c52780');
    const next = ledger.manifest({});
    expect(next.sources[SOURCE]?.posts['7']?.comments).toEqual({
      '101': 'iw6fo0dc-583fc528',
      '102': 'iw6gk5s0-e4c52780',
    });
    expect(ledger.recordedCommentIds()).toEqual(new Set(['iw6fo0dc-583fc528']));
  });

  it('keeps the records of posts this run did not import, and of other WordPress sites', () => {
    const ledger = new ImportLedger(previous, SOURCE);
    ledger.recordPost(post('7'), frontmatter('روسيا'));
    ledger.recordPost(post('13', true), frontmatter('جديد', true));
    expect(
      ledger
        .notImported()
        .map(([id]) => id)
        .sort(),
    ).toEqual(['12', '9']);
    const next = ledger.manifest({ 'a.md': 'd' });
    expect(next.files).toEqual({ 'a.md': 'd' });
    expect(next.sources['https://other.example']).toEqual(previous.sources['https://other.example']);
    expect(next.sources[SOURCE]?.posts['12']).toEqual(previous.sources[SOURCE]?.posts['12']);
    expect(next.sources[SOURCE]?.posts['13']).toEqual({
      slug: 'جديد',
      section: 'politics',
      undatedAt: '2016-12-01T12:20:00.000Z',
    });
    expect(next.sources[SOURCE]?.posts['7']).toMatchObject({
      published: '2016-12-01T12:20:00.000Z',
      link: 'https://akhbar.example/7/',
      comments: { '101': 'iw6fo0dc-583fc528' },
    });
    expect(ledger.titleOf('7')).toBe('خبر 7');
  });

  it('remembers the sections a published story moved out of, for their redirects', () => {
    const first = new ImportLedger(previous, SOURCE);
    first.recordPost(post('12'), { ...frontmatter('قديم'), section: 'politics' });
    expect(first.formerPaths('12')).toEqual(['/sport/قديم/']);
    const moved = first.manifest({});
    expect(moved.sources[SOURCE]?.posts['12']?.formerSections).toEqual(['sport']);
    // Moving back drops the section it is in again; a draft leaves no address behind.
    const second = new ImportLedger(moved, SOURCE);
    second.recordPost(post('12'), { ...frontmatter('قديم'), section: 'sport' });
    expect(second.formerPaths('12')).toEqual(['/politics/قديم/']);
    second.recordPost(post('9'), { ...frontmatter('مسودة'), section: 'culture' });
    expect(second.formerPaths('9')).toEqual([]);
  });

  it('records no comment for a site that keeps none, so a later run imports them', () => {
    const ledger = new ImportLedger(emptyManifest(), SOURCE, { recordComments: false });
    ledger.recordPost(post('7'), frontmatter('روسيا'));
    ledger.comment('7', '101', comment('iw6fo0dc-583fc528'));
    expect(ledger.manifest({}).sources[SOURCE]?.posts['7']?.comments).toBeUndefined();
  });
});
