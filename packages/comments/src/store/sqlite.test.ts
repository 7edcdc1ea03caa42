import { DatabaseSync } from 'node:sqlite';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { make, post, validFields } from '../../test/helpers/handler.ts';
import { defaultStrings } from '../config/strings.ts';
import { sampleComment, storeContract } from './contract.ts';
import { SqliteStore, type SqliteStoreOptions } from './sqlite.ts';
import { SQLITE_MIGRATIONS } from './sql.ts';
import { CorruptCommentError } from './types.ts';

const opened: SqliteStore[] = [];
afterAll(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function fresh(options: SqliteStoreOptions = {}, path?: string): Promise<SqliteStore> {
  const file = path ?? join(await mkdtemp(join(tmpdir(), 'khabar-sqlite-')), 'comments.db');
  const store = await SqliteStore.open(file, options);
  opened.push(store);
  return store;
}

storeContract('SqliteStore', () => fresh());

describe('SqliteStore on disk', () => {
  it('journals in WAL, records its schema version, and applies migrations once', async () => {
    const store = await fresh();
    const raw = new DatabaseSync(store.path);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(raw.prepare('SELECT version FROM khabar_schema').all()).toEqual([{ version: 1 }, { version: 2 }]);
    raw.close();
    const again = await fresh({}, store.path);
    expect((await again.list()).length).toBe(0);
  });

  it('keeps every comment of a scratch file, in the database file itself once closed', async () => {
    const store = await fresh({ scratch: true });
    await Promise.all(Array.from({ length: 20 }, () => store.add(sampleComment())));
    const raw = new DatabaseSync(store.path);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
    await store.close();
    // The database file alone, without its write-ahead log, holds every comment.
    const copy = join(await mkdtemp(join(tmpdir(), 'khabar-sqlite-copy-')), 'comments.db');
    await copyFile(store.path, copy);
    const reopened = await fresh({}, copy);
    expect(await reopened.list()).toHaveLength(20);
  });

  it('upgrades a version 1 database: its comments are found by the moderation search', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'khabar-sqlite-v1-')), 'comments.db');
    const raw = new DatabaseSync(path);
    raw.exec(
      `CREATE TABLE khabar_schema (version INTEGER PRIMARY KEY NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`,
    );
    raw.exec(SQLITE_MIGRATIONS[0]?.sql('khabar_', 'khabar_') ?? '');
    raw.exec(`INSERT INTO khabar_schema VALUES (1, 'v1', '2026-01-01T00:00:00Z')`);
    raw.exec(`INSERT INTO khabar_comments VALUES ('0ixmtcsg-00000001', 'pending', 'دمشق', NULL, 'ليلى', NULL,
      'تعليقٌ قديم', '2016-12-01T12:00:00.000Z', 'abcdef0123456789abcd', 'laila@example.com', NULL, 'test', 0, 'n', NULL, 1)`);
    raw.close();
    const store = await fresh({}, path);
    const found = await store.search({
      status: 'pending',
      words: [{ text: 'تعليق', postIds: [] }],
      offset: 0,
      limit: 5,
    });
    expect(found.comments.map((c) => c.public.author)).toEqual(['ليلى']);
    expect(
      (
        await store.search({
          status: 'pending',
          words: [{ text: 'laila', postIds: [] }],
          offset: 0,
          limit: 5,
        })
      ).total,
    ).toBe(1);
  });

  it('reports a row that no longer holds a valid comment as corrupt, and does not move it', async () => {
    const store = await fresh();
    const good = sampleComment();
    const bad = sampleComment();
    await store.add(good);
    await store.add(bad);
    const raw = new DatabaseSync(store.path);
    raw.prepare(`UPDATE khabar_comments SET created_at = 'yesterday' WHERE id = ?`).run(bad.public.id);
    raw.close();
    expect((await store.list()).map((c) => c.public.id)).toEqual([good.public.id]);
    expect(await store.get(bad.public.id)).toBeUndefined();
    const [record] = await store.corrupt();
    expect(record?.id).toBe(bad.public.id);
    expect(record?.status).toBe('pending');
    expect(record?.file).toBe(`${store.path} (table khabar_comments, the row with id "${bad.public.id}")`);
    expect(record?.reason).toContain('public.createdAt');
    expect(await store.corrupt({ id: good.public.id })).toEqual([]);
    expect(await store.corrupt({ id: bad.public.id })).toHaveLength(1);
    await expect(store.setStatus(bad.public.id, 'approved')).rejects.toBeInstanceOf(CorruptCommentError);
    expect((await store.corrupt({ status: 'pending' }))[0]?.id).toBe(bad.public.id);
    expect(await store.corrupt({ status: 'approved' })).toEqual([]);
    expect(await store.delete(bad.public.id)).toBe(true);
    expect(await store.corrupt()).toEqual([]);
  });

  it('refuses a database from a newer khabar-comments, naming the versions', async () => {
    const store = await fresh();
    await store.close();
    const raw = new DatabaseSync(store.path);
    raw.exec(`INSERT INTO khabar_schema VALUES (99, 'future', '2030-01-01T00:00:00Z')`);
    raw.close();
    await expect(SqliteStore.open(store.path)).rejects.toThrow(/schema version 99, newer than .* \(2\)/);
  });

  it('shares flood control between two stores (two receivers) on one file', async () => {
    const a = await fresh();
    const b = await fresh({}, a.path);
    const now = Date.UTC(2016, 11, 1);
    expect(await a.flood.reserve('203.0.113.0/24', now, 15_000)).toBe(0);
    expect(await b.flood.reserve('203.0.113.0/24', now + 1000, 15_000)).toBe(14);
  });

  it('sees what another process wrote (the CLI approving while the receiver runs)', async () => {
    const receiver = await fresh();
    const cli = await fresh({}, receiver.path);
    const comment = sampleComment();
    await receiver.add(comment);
    await cli.setStatus(comment.public.id, 'approved');
    expect((await receiver.get(comment.public.id))?.status).toBe('approved');
    expect(await receiver.hasApprovedAuthor(comment.public.avatar)).toBe(true);
  });

  it('commits a group of writes together, and one failing write fails alone', async () => {
    const store = await fresh();
    const taken = sampleComment();
    await store.add(taken);
    const batch = Array.from({ length: 50 }, () => sampleComment());
    const results = await Promise.allSettled([...batch.map((c) => store.add(c)), store.add(taken)]);
    expect(results.filter((r) => r.status === 'rejected').length).toBe(1);
    expect((await store.list()).length).toBe(51);
  });

  it('refuses text it could not store unchanged, naming the comment and the field', async () => {
    const store = await fresh();
    const broken = sampleComment({ public: { body: 'نص \uD800 مكسور' } });
    await expect(store.add(broken)).rejects.toThrow(/public\.body holds a NUL character or a lone surrogate/);
    expect(await store.list()).toEqual([]);
  });

  it('a full disk: the write fails, what was stored stays whole, nothing partial is left', async () => {
    const store = await fresh({ maxPages: 40 });
    const stored: string[] = [];
    let failure: unknown;
    for (let i = 0; i < 400 && !failure; i++) {
      const comment = sampleComment({ public: { body: `${'نص طويل '.repeat(100)} ${i}` } });
      try {
        await store.add(comment);
        stored.push(comment.public.id);
      } catch (error) {
        failure = error;
      }
    }
    expect(String(failure)).toMatch(/full/i);
    expect((await store.list()).map((c) => c.public.id)).toEqual(stored);
    const raw = new DatabaseSync(store.path, { readOnly: true });
    expect(raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    raw.close();
  });

  it('a full disk or a read-only database: the reader gets 503 in Arabic, and nothing stored is lost', async () => {
    const full = await fresh({ maxPages: 30 });
    const handler = make({ store: full, limits: { floodSeconds: 0 } });
    const statuses: number[] = [];
    for (let i = 0; i < 200 && !statuses.includes(503); i++) {
      const response = await post(handler, await validFields({ comment: `${'تعليق '.repeat(150)} ${i}` }), {
        json: true,
      });
      statuses.push(response.status);
      if (response.status === 503)
        expect(((await response.json()) as { message: string }).message).toBe(
          defaultStrings['error.storage'],
        );
    }
    expect(statuses.at(-1)).toBe(503);
    expect((await full.list()).length).toBe(statuses.filter((s) => s === 201).length);

    const readOnly = await fresh({ readOnly: true }, full.path);
    const before = await readOnly.list();
    const refused = await post(make({ store: readOnly }), await validFields({ comment: 'جديد' }), {
      json: true,
    });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'تعذّر حفظ تعليقك الآن. حاول مجدداً بعد قليل.',
    );
    expect(await readOnly.list()).toEqual(before);
  });
});
