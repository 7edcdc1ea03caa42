import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, freshSchemaUrl, postgresForTests } from '../../test/helpers/postgres.ts';
import { make, post, validFields } from '../../test/helpers/handler.ts';
import { sampleComment, storeContract } from './contract.ts';
import { openStore, type OpenStore } from './open.ts';
import { PostgresStore } from './postgres.ts';
import { CorruptCommentError } from './types.ts';

const url = await postgresForTests();
const opened: OpenStore[] = [];

async function fresh(spec = url ? freshSchemaUrl(url) : ''): Promise<OpenStore> {
  const store = await openStore(spec);
  opened.push(store);
  return store;
}

afterAll(async () => {
  for (const store of opened.splice(0)) await store.close();
  if (url) await dropTestSchemas(url);
});

describe.skipIf(!url)('PostgresStore', () => {
  storeContract('PostgresStore', () => fresh());

  it('shares flood control and comments between two receivers on one database', async () => {
    const spec = freshSchemaUrl(url ?? '');
    const a = await fresh(spec);
    const b = await fresh(spec);
    const now = Date.UTC(2016, 11, 1);
    expect(await a.flood?.reserve('198.51.100.0/24', now, 15_000)).toBe(0);
    expect(await b.flood?.reserve('198.51.100.0/24', now + 2000, 15_000)).toBe(13);
    const comment = sampleComment();
    await a.add(comment);
    expect(await b.get(comment.public.id)).toEqual(comment);
    expect(await b.findDuplicate(sampleComment({ public: { body: comment.public.body } }))).toBe(
      comment.public.id,
    );
  });

  it('applies its migrations once, even when receivers start together', async () => {
    const spec = freshSchemaUrl(url ?? '');
    await Promise.all([fresh(spec), fresh(spec), fresh(spec)]);
    const schema = new URL(spec).searchParams.get('schema') ?? '';
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".khabar_schema`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('reports a row that no longer holds a valid comment as corrupt, and does not move it', async () => {
    const spec = freshSchemaUrl(url ?? '');
    const store = await fresh(spec);
    const good = sampleComment();
    const bad = sampleComment();
    await store.add(good);
    await store.add(bad);
    const schema = new URL(spec).searchParams.get('schema') ?? '';
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE "${schema}".khabar_comments SET created_at = 'yesterday' WHERE id = $1`, [
      bad.public.id,
    ]);
    await client.end();
    expect((await store.list()).map((c) => c.public.id)).toEqual([good.public.id]);
    expect(await store.get(bad.public.id)).toBeUndefined();
    const [record] = (await store.corrupt?.()) ?? [];
    expect(record?.id).toBe(bad.public.id);
    expect(record?.file).toContain(`(table khabar_comments, the row with id "${bad.public.id}")`);
    expect(record?.reason).toContain('public.createdAt: Invalid ISO datetime');
    await expect(store.setStatus(bad.public.id, 'approved')).rejects.toBeInstanceOf(CorruptCommentError);
    expect((await store.corrupt?.({ status: 'pending', id: bad.public.id }))?.length).toBe(1);
    expect(await store.delete(bad.public.id)).toBe(true);
    expect(await store.corrupt?.()).toEqual([]);
  });

  it('a read-only database: the reader gets 503 in Arabic, and nothing stored is lost', async () => {
    const spec = freshSchemaUrl(url ?? '');
    const writable = await fresh(spec);
    const kept = sampleComment();
    await writable.add(kept);
    const readOnlyUrl = new URL(spec);
    readOnlyUrl.searchParams.set('options', '-c default_transaction_read_only=on');
    const readOnly = await fresh(readOnlyUrl.toString());
    const response = await post(make({ store: readOnly }), await validFields({ comment: 'جديد' }), {
      json: true,
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toBe(
      'تعذّر حفظ تعليقك الآن. حاول مجدداً بعد قليل.',
    );
    expect((await writable.list()).map((c) => c.public.id)).toEqual([kept.public.id]);
  });

  it('names the server, without its password, when it cannot connect', async () => {
    await expect(
      PostgresStore.open('postgres://khabar:s3cret@127.0.0.1:9/nothing', { poolSize: 1 }),
    ).rejects.toThrow(/postgres:\/\/khabar:\*\*\*@127\.0\.0\.1:9\/nothing/);
    await expect(
      PostgresStore.open('postgres://khabar:s3cret@127.0.0.1:9/nothing', { poolSize: 1 }),
    ).rejects.not.toThrow(/s3cret/);
  });
});
