/**
 * The contract every `CommentStore` must pass. Run it from your own tests:
 *
 *   import { storeContract } from 'khabar-comments/test/store-contract';
 *   storeContract('my KV store', async () => new MyStore(...));
 */
import { describe, expect, it } from 'vitest';
import type { StoredComment } from './comment.ts';
import type { CommentStore } from './types.ts';

let counter = 0;

/** A well-formed comment for tests; ids are unique and increase with time. */
export function sampleComment(
  overrides: {
    status?: StoredComment['status'];
    public?: Partial<StoredComment['public']>;
    private?: Partial<StoredComment['private']>;
  } = {},
): StoredComment {
  counter++;
  const id =
    overrides.public?.id ??
    `${(Date.UTC(2016, 11, 1) + counter * 1000).toString(36).padStart(8, '0')}-${counter.toString(16).padStart(8, '0')}`;
  return {
    status: overrides.status ?? 'pending',
    public: {
      id,
      postId: 'روسيا-سوريا',
      parentId: null,
      author: 'سارة',
      url: null,
      body: `تعليق رقم ${counter}`,
      createdAt: new Date(Date.UTC(2016, 11, 1) + counter * 1000).toISOString(),
      avatar: 'abcdef0123456789abcd',
      ...overrides.public,
    },
    private: {
      id,
      email: 'sara@example.com',
      ip: '192.0.2.0/24',
      userAgent: 'test',
      consent: false,
      ...overrides.private,
    },
  };
}

export function storeContract(name: string, makeStore: () => Promise<CommentStore>): void {
  describe(`CommentStore contract: ${name}`, () => {
    it('adds and gets a comment, both halves, unchanged', async () => {
      const store = await makeStore();
      const comment = sampleComment({ public: { body: 'نص مع ZWNJ\u200C و **Markdown**' } });
      await store.add(comment);
      expect(await store.get(comment.public.id)).toEqual(comment);
    });

    it('refuses a second comment with the same id', async () => {
      const store = await makeStore();
      const comment = sampleComment();
      await store.add(comment);
      await expect(store.add(comment)).rejects.toThrow();
    });

    it('does not find ids that are absent or not well-formed (path traversal)', async () => {
      const store = await makeStore();
      for (const id of ['nope', '../private/x', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'a/../../b', '']) {
        expect(await store.get(id)).toBeUndefined();
        expect(await store.setStatus(id, 'approved')).toBeUndefined();
        expect(await store.delete(id)).toBe(false);
      }
    });

    it('lists by status and post, oldest first', async () => {
      const store = await makeStore();
      const a = sampleComment();
      const b = sampleComment({ status: 'approved' });
      const c = sampleComment({ public: { postId: 'other' } });
      await store.add(c);
      await store.add(b);
      await store.add(a);
      expect((await store.list()).map((x) => x.public.id)).toEqual([a, b, c].map((x) => x.public.id));
      expect((await store.list({ status: 'approved' })).map((x) => x.public.id)).toEqual([b.public.id]);
      expect((await store.list({ postId: 'other' })).map((x) => x.public.id)).toEqual([c.public.id]);
    });

    it('moves between every status', async () => {
      const store = await makeStore();
      const comment = sampleComment();
      await store.add(comment);
      for (const status of ['approved', 'spam', 'trash', 'pending', 'approved'] as const) {
        expect((await store.setStatus(comment.public.id, status))?.status).toBe(status);
        expect((await store.get(comment.public.id))?.status).toBe(status);
        expect((await store.list({ status })).length).toBe(1);
      }
    });

    it('deletes both halves for good', async () => {
      const store = await makeStore();
      const comment = sampleComment();
      await store.add(comment);
      expect(await store.delete(comment.public.id)).toBe(true);
      expect(await store.get(comment.public.id)).toBeUndefined();
      expect(await store.list()).toEqual([]);
      expect(await store.delete(comment.public.id)).toBe(false);
    });

    it('finds duplicates by post, text and name or e-mail, except in the trash', async () => {
      const store = await makeStore();
      const first = sampleComment({ public: { body: 'نفس النص' } });
      await store.add(first);
      const again = sampleComment({ public: { body: '  نفس   النص ', author: 'سارة' } });
      expect(await store.findDuplicate(again)).toBe(first.public.id);
      const sameEmail = sampleComment({ public: { body: 'نفس النص', author: 'اسم آخر' } });
      expect(await store.findDuplicate(sameEmail)).toBe(first.public.id);
      const otherPost = sampleComment({ public: { body: 'نفس النص', postId: 'x' } });
      expect(await store.findDuplicate(otherPost)).toBeUndefined();
      const otherPerson = sampleComment({
        public: { body: 'نفس النص', author: 'ب' },
        private: { email: 'b@example.com' },
      });
      expect(await store.findDuplicate(otherPerson)).toBeUndefined();
      await store.setStatus(first.public.id, 'trash');
      expect(await store.findDuplicate(again)).toBeUndefined();
    });

    it('knows authors with an approved comment', async () => {
      const store = await makeStore();
      const comment = sampleComment({ public: { avatar: '1111111111aaaaaaaaaa' } });
      await store.add(comment);
      expect(await store.hasApprovedAuthor('1111111111aaaaaaaaaa')).toBe(false);
      await store.setStatus(comment.public.id, 'approved');
      expect(await store.hasApprovedAuthor('1111111111aaaaaaaaaa')).toBe(true);
    });

    it('takes 200 concurrent adds without losing or mixing any', async () => {
      const store = await makeStore();
      const comments = Array.from({ length: 200 }, () => sampleComment());
      await Promise.all(comments.map((c) => store.add(c)));
      const listed = await store.list();
      expect(listed.length).toBe(200);
      const byId = new Map(listed.map((c) => [c.public.id, c]));
      for (const c of comments) expect(byId.get(c.public.id)).toEqual(c);
    });

    it('lists approved public halves for the build, without the private ones', async () => {
      const store = await makeStore();
      if (!store.approved) return;
      const shown = sampleComment({ status: 'approved', private: { email: 'hidden@example.com' } });
      await store.add(shown);
      await store.add(sampleComment());
      await store.add(sampleComment({ status: 'spam' }));
      expect(await store.approved()).toEqual([shown.public]);
      const before = await store.approvedVersion?.();
      await store.setStatus(shown.public.id, 'trash');
      expect(await store.approved()).toEqual([]);
      if (before !== undefined) expect(await store.approvedVersion?.()).not.toBe(before);
    });

    it('keeps flood control when it has its own: one slot per window, given back on release', async () => {
      const store = await makeStore();
      const flood = store.flood;
      if (!flood) return;
      const key = `flood-${Math.random()}`;
      const t0 = Date.UTC(2016, 11, 1, 12);
      expect(await flood.reserve(key, t0, 15_000)).toBe(0);
      expect(await flood.reserve(key, t0 + 5_000, 15_000)).toBe(10);
      expect(await flood.reserve(`${key}-other`, t0 + 5_000, 15_000)).toBe(0);
      expect(await flood.reserve(key, t0 + 15_000, 15_000)).toBe(0);
      await flood.release(key, t0 + 15_000);
      expect(await flood.reserve(key, t0 + 16_000, 15_000)).toBe(0);
      // Many at once for one key: exactly one is granted.
      const results = await Promise.all(
        Array.from({ length: 20 }, () => Promise.resolve(flood.reserve(`${key}-race`, t0, 15_000))),
      );
      expect(results.filter((wait) => wait === 0).length).toBe(1);
    });

    it('returns copies: changing a result does not change the store', async () => {
      const store = await makeStore();
      const comment = sampleComment();
      await store.add(comment);
      const got = await store.get(comment.public.id);
      if (got) got.public.body = 'changed';
      expect((await store.get(comment.public.id))?.public.body).toBe(comment.public.body);
    });
  });
}
