import { describe, expect, it } from 'vitest';
import { defaultStrings, type StringKey } from '../../config/strings.ts';
import { sampleComment } from '../../store/contract.ts';
import { MemoryStore } from '../../store/memory.ts';
import { createReceiver } from '../context.ts';
import { newComment, replyDepth, save } from './store.ts';

const post = { id: 'روسيا-سوريا', url: '/r/', title: '', closed: false };

describe('replyDepth', () => {
  it('walks approved parents on the same post', async () => {
    const store = new MemoryStore();
    const top = sampleComment({ status: 'approved' });
    const reply = sampleComment({ status: 'approved', public: { parentId: top.public.id } });
    const pending = sampleComment();
    const elsewhere = sampleComment({ status: 'approved', public: { postId: 'other' } });
    for (const c of [top, reply, pending, elsewhere]) await store.add(c);
    expect(await replyDepth(store, top.public.id, post.id)).toBe(2);
    expect(await replyDepth(store, reply.public.id, post.id)).toBe(3);
    expect(await replyDepth(store, pending.public.id, post.id)).toBe('missing');
    expect(await replyDepth(store, elsewhere.public.id, post.id)).toBe('missing');
    expect(await replyDepth(store, 'zzzzzzzz-00000000', post.id)).toBe('missing');
  });
});

describe('newComment', () => {
  it('splits the public and private halves, truncating the address and the user agent', () => {
    const comment = newComment({
      submission: {
        postId: post.id,
        parentId: null,
        author: 'سارة',
        email: 'sara@example.com',
        url: null,
        body: 'نص',
        token: 't',
        honeypot: '',
        consent: true,
      },
      post,
      at: Date.UTC(2016, 11, 1),
      avatar: 'abcdef0123456789abcd',
      address: '203.0.113.5',
      userAgent: `Mozilla\u0000 ${'x'.repeat(600)}`,
    });
    expect(comment.status).toBe('pending');
    expect(comment.private.id).toBe(comment.public.id);
    expect(comment.public).toMatchObject({
      postId: post.id,
      author: 'سارة',
      createdAt: '2016-12-01T00:00:00.000Z',
    });
    expect(comment.private).toMatchObject({ email: 'sara@example.com', ip: '203.0.113.0/24', consent: true });
    expect(comment.private.userAgent).toMatch(/^Mozilla x+$/);
    expect(comment.private.userAgent.length).toBe(512);
    expect(JSON.stringify(comment.public)).not.toContain('sara@');
  });
});

describe('save', () => {
  const receiver = (moderation: 'all' | 'none' | 'previously-approved', store = new MemoryStore()) =>
    createReceiver({
      store,
      posts: [post],
      origins: ['https://news.example'],
      secret: 'store-test-secret-0123456789',
      moderation,
      logger: { warn: () => undefined, error: () => undefined },
    });

  it('stores, applies the moderation rule, and refuses a duplicate, giving the flood slot back', async () => {
    const open = receiver('none');
    let released = 0;
    const release = () => {
      released++;
    };
    const comment = sampleComment();
    expect(await save(open, comment, release)).toBeUndefined();
    expect((await open.store.get(comment.public.id))?.status).toBe('approved');
    const again = sampleComment({ public: { body: comment.public.body } });
    expect(await save(open, again, release)).toMatchObject({ status: 409 });
    expect(released).toBe(1);
    expect(open.inFlight.size).toBe(0);
  });

  it('answers 503, and gives the slot back, when the store fails', async () => {
    const store = new MemoryStore();
    store.add = () => Promise.reject(new Error('disk full'));
    let released = false;
    const refused = await save(receiver('all', store), sampleComment(), () => (released = true));
    expect(refused).toMatchObject({ status: 503, message: 'error.storage' });
    expect(defaultStrings[(refused?.message ?? 'error.storage') as StringKey]).toBe(
      'تعذّر حفظ تعليقك الآن. حاول مجدداً بعد قليل.',
    );
    expect(released).toBe(true);
  });
});
