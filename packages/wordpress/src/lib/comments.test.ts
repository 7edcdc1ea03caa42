import { describe, expect, it } from 'vitest';
import type { WxrComment } from '../wxr/types.ts';
import { commentBody, mapComment, stableCommentId, websiteOf, type CommentContext } from './comments.ts';

const base: WxrComment = {
  id: '10',
  author: 'سارة',
  authorEmail: 'sara@example.com',
  authorUrl: 'https://sara.example',
  authorIp: '203.0.113.77',
  date: '2016-12-01 17:00:00',
  dateGmt: '2016-12-01 15:00:00',
  content: 'تحليل دقيق، شكراً.',
  approved: '1',
  type: 'comment',
  parent: '0',
  userId: '0',
};

const context = (imported = new Map<string, string>()): CommentContext => ({
  postId: 'روسيا-سوريا',
  wpPostId: '7',
  timeZone: 'UTC',
  imported,
  avatar: () => Promise.resolve('0123456789abcdef0123'),
  truncateIp: (ip) => (ip ? ip.replace(/\.\d+$/, '.0') : undefined),
});

describe('comments', () => {
  it('publishes approved comments and keeps e-mail and address private', async () => {
    const result = await mapComment(base, context());
    if (result.kind !== 'comment') throw new Error('expected a comment');
    expect(result.comment.status).toBe('approved');
    expect(result.comment.public).toMatchObject({
      postId: 'روسيا-سوريا',
      parentId: null,
      author: 'سارة',
      url: 'https://sara.example/',
      body: 'تحليل دقيق، شكراً.',
      createdAt: '2016-12-01T15:00:00.000Z',
    });
    expect(JSON.stringify(result.comment.public)).not.toContain('sara@example.com');
    expect(JSON.stringify(result.comment.public)).not.toContain('203.0.113');
    expect(result.comment.private).toMatchObject({ email: 'sara@example.com', ip: '203.0.113.0' });
  });

  it('keeps pending comments pending and leaves spam, trash and pingbacks out', async () => {
    expect((await mapComment({ ...base, approved: '0' }, context())).kind).toBe('comment');
    const pending = await mapComment({ ...base, approved: '0' }, context());
    expect(pending.kind === 'comment' && pending.comment.status).toBe('pending');
    expect(await mapComment({ ...base, approved: 'spam' }, context())).toEqual({
      kind: 'skip',
      reason: 'spam',
    });
    expect(await mapComment({ ...base, approved: 'trash' }, context())).toEqual({
      kind: 'skip',
      reason: 'trash',
    });
    expect(await mapComment({ ...base, type: 'pingback' }, context())).toEqual({
      kind: 'skip',
      reason: 'pingback',
    });
  });

  it('keeps threads: a reply names its parent’s new id', async () => {
    const parent = stableCommentId(new Date('2016-12-01T15:00:00Z'), '7', '10');
    const reply = await mapComment({ ...base, id: '11', parent: '10' }, context(new Map([['10', parent]])));
    expect(reply.kind === 'comment' && reply.comment.public.parentId).toBe(parent);
    const orphan = await mapComment({ ...base, id: '12', parent: '99' }, context());
    expect(orphan.kind === 'comment' && orphan.orphan).toBe(true);
  });

  it('names a comment the same way on every import', () => {
    const id = stableCommentId(new Date('2016-12-01T15:00:00Z'), '7', '10');
    expect(id).toMatch(/^[0-9a-z]{6,12}-[0-9a-f]{8}$/);
    expect(stableCommentId(new Date('2016-12-01T15:00:00Z'), '7', '10')).toBe(id);
    expect(stableCommentId(new Date('2016-12-01T15:00:00Z'), '7', '11')).not.toBe(id);
  });

  it('reads WordPress comment HTML as plain text with links', () => {
    expect(commentBody('<p>أولاً</p><p>ثانياً <a href="https://a.example">رابط</a></p>')).toBe(
      'أولاً\n\nثانياً [رابط](https://a.example)',
    );
    expect(websiteOf('javascript:alert(1)')).toBeNull();
    expect(websiteOf('')).toBeNull();
  });
});
