/**
 * The contract every `CommentStore` must pass. Run it from your own tests:
 *
 *   import { storeContract } from 'khabar-comments/test/store-contract';
 *   storeContract('my KV store', async () => new MyStore(...));
 */
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../lib/moderation-search.ts';
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

    it('searches one status, newest first, a page at a time, when it can search', async () => {
      const store = await makeStore();
      if (!store.search || !store.postIds) return;
      const words = (query: string, postIds: Record<string, string[]> = {}) =>
        foldForSearch(query)
          .split(' ')
          .map((text) => ({ text, postIds: postIds[text] ?? [] }));
      const post = `بحث-${Math.random().toString(36).slice(2)}`;
      const older = sampleComment({ public: { postId: post, body: 'القُدْسُ مدينةٌ عريقة', author: 'ليلى' } });
      const newer = sampleComment({ public: { postId: post, body: 'زرت القدس أمس', author: 'Omar' } });
      const other = sampleComment({ public: { body: 'لا علاقة', author: 'سامي' } });
      const approved = sampleComment({ status: 'approved', public: { postId: post, body: 'القدس' } });
      const percent = sampleComment({ public: { postId: post, body: 'خصم 100% اليوم' } });
      for (const c of [older, newer, other, approved, percent]) await store.add(c);
      const searchOf = store.search.bind(store);
      const search = (query: Parameters<typeof searchOf>[0]) => searchOf(query);
      const ids = (r: { comments: StoredComment[] }) => r.comments.map((c) => c.public.id);

      // Diacritics and letter forms folded, as the query is; newest first; only the asked status.
      const found = await search({ status: 'pending', words: words('القدس'), offset: 0, limit: 10 });
      expect(ids(found)).toEqual([newer.public.id, older.public.id]);
      expect(found.total).toBe(2);
      expect(found.comments[0]).toEqual(newer);
      // Every word must match, in the name, text or e-mail address.
      expect(
        ids(await search({ status: 'pending', words: words('omar القدس'), offset: 0, limit: 10 })),
      ).toEqual([newer.public.id]);
      // A word is searched as typed: % is not a wildcard.
      expect(ids(await search({ status: 'pending', words: words('100%'), offset: 0, limit: 10 }))).toEqual([
        percent.public.id,
      ]);
      expect((await search({ status: 'pending', words: words('%'), offset: 0, limit: 10 })).total).toBe(1);
      // A word matching a story's title matches the comments on that story.
      const byTitle = await search({
        status: 'pending',
        words: words('سيادة', { سياده: [post] }),
        offset: 0,
        limit: 10,
      });
      expect(ids(byTitle)).toEqual([percent.public.id, newer.public.id, older.public.id]);
      // Pages: the total is of every match, the page is what was asked for.
      const second = await search({ status: 'pending', words: [], offset: 1, limit: 2 });
      expect(second.total).toBe(4);
      expect(ids(second)).toEqual([other.public.id, newer.public.id]);
      expect((await search({ status: 'approved', words: [], offset: 0, limit: 0 })).total).toBe(1);
      expect((await store.postIds('pending')).toSorted()).toEqual([post, other.public.postId].toSorted());
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
