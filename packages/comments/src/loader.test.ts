import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { parseIntegrationOptions } from './integration.ts';
import { commentsLoader } from './loader.ts';
import { sampleComment } from './store/contract.ts';
import { buildExport, writeExportFile } from './store/export.ts';
import { FileStore } from './store/fs.ts';
import { openStore } from './store/open.ts';
import type { CommentStore } from './store/types.ts';

/** A loader context over a Map, as Astro's content layer gives one. */
function contextFor(root: string) {
  const entries = new Map<string, { data: Record<string, unknown> }>();
  const context = {
    collection: 'comments',
    store: {
      clear: () => {
        entries.clear();
      },
      set: (entry: { id: string; data: Record<string, unknown> }) => {
        entries.set(entry.id, entry);
        return true;
      },
    },
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
    generateDigest: () => 'digest',
    logger: { info: () => undefined, warn: () => undefined },
    config: { root: pathToFileURL(`${root}/`) },
  } as unknown as LoaderContext;
  return { entries, context };
}

/** One approved comment (with a private e-mail the build must never see) and one of each other status. */
async function fill(store: CommentStore) {
  const approved = sampleComment({ status: 'approved', private: { email: 'hidden@example.com' } });
  await store.add(approved);
  for (const status of ['pending', 'spam', 'trash'] as const) await store.add(sampleComment({ status }));
  return approved;
}

describe('commentsLoader', () => {
  it('loads approved comments only, and never the private fields', async () => {
    const root = await mkdtemp(join(tmpdir(), 'khabar-loader-'));
    const approved = await fill(new FileStore(join(root, 'comments')));
    const { entries, context } = contextFor(root);
    await commentsLoader({ dir: 'comments' }).load(context);
    expect([...entries.keys()]).toEqual([approved.public.id]);
    expect(entries.get(approved.public.id)?.data).toEqual(approved.public);
    expect(JSON.stringify([...entries.values()])).not.toContain('hidden@example.com');
  });

  it('reads the same from a SQLite store, and from an export of it (a build without the database)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'khabar-loader-'));
    const db = await openStore(`sqlite:${join(root, 'comments', 'comments.db')}`);
    const approved = await fill(db);
    await writeExportFile(join(root, 'approved.json'), buildExport(await db.list(), new Date(), false));
    await db.close();
    for (const options of [
      { dir: 'comments' },
      { store: 'sqlite:comments/comments.db' },
      { store: 'export:approved.json' },
    ]) {
      const { entries, context } = contextFor(root);
      await commentsLoader(options).load(context);
      expect([...entries.keys()], JSON.stringify(options)).toEqual([approved.public.id]);
      expect(entries.get(approved.public.id)?.data).toEqual(approved.public);
    }
  });

  it('finds no comments, and creates nothing, before the first comment of a new site', async () => {
    const root = await mkdtemp(join(tmpdir(), 'khabar-loader-'));
    const { entries, context } = contextFor(root);
    await commentsLoader({ dir: 'comments' }).load(context);
    expect(entries.size).toBe(0);
    expect(existsSync(join(root, 'comments'))).toBe(false);
  });
});

describe('khabarComments() options', () => {
  it('applies defaults', () => {
    const options = parseIntegrationOptions({ endpoint: '/api/comments/' });
    expect(options).toMatchObject({
      maxDepth: 5,
      closeAfterDays: false,
      moderation: 'all',
      dir: 'comments',
      secretEnv: 'KHABAR_COMMENTS_SECRET',
    });
    expect(options.limits.author).toEqual({ chars: 245, bytes: 980 });
    expect(options.now).toBeUndefined();
    expect(parseIntegrationOptions({ endpoint: '/c/', now: '2016-12-01T12:00:00+03:00' }).now).toBe(
      '2016-12-01T12:00:00+03:00',
    );
  });
  it('takes now as an ISO 8601 instant only', () => {
    expect(() => parseIntegrationOptions({ endpoint: '/c/', now: 'yesterday' })).toThrow(
      /- now: must be an ISO 8601 instant/,
    );
    expect(() => parseIntegrationOptions({ endpoint: '/c/', now: '2016-12-01' })).toThrow(/- now:/);
  });
  it('names the option at fault', () => {
    let message = '';
    try {
      parseIntegrationOptions({
        endpoint: 'ftp://x',
        maxDepth: 11,
        limits: { author: { chars: -1 } },
        colour: 1,
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain(
      '- endpoint: must be an http(s) URL or a path starting with "/" (got "ftp://x")',
    );
    expect(message).toContain('- maxDepth: Too big');
    expect(message).toContain('- limits.author.chars:');
    expect(message).toContain('"colour": check the spelling');
  });
});
