import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PrivateCommentSchema, PublicCommentSchema, type StoredComment } from '../src/store/comment.ts';
import { openStore } from '../src/store/open.ts';
import { dropTestSchemas, freshSchemaUrl, postgresForTests } from './helpers/postgres.ts';
import {
  liveToken,
  ORIGIN,
  rawPost,
  removeTempDirs,
  startReceiver,
  submission,
  tempDir,
  writeSite,
  type RunningReceiver,
} from './helpers/receiver.ts';

const POST = 'روسيا-سوريا';
const posts = [{ id: POST, url: '/politics/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/', title: 'روسيا', closed: false }];
let running: RunningReceiver | undefined;

const postgres = await postgresForTests();

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await removeTempDirs();
});

afterAll(async () => {
  if (postgres) await dropTestSchemas(postgres);
});

/**
 * Every comment file in every status folder parses and validates; returns the ids. (After SIGKILL,
 * `.tmp/` may hold a file being written when the process died: no reader looks there.)
 */
async function checkFolder(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const status of ['pending', 'approved', 'spam', 'trash']) {
    for (const name of await readdir(join(dir, status))) {
      const data: unknown = JSON.parse(await readFile(join(dir, status, name), 'utf8'));
      const parsed = PublicCommentSchema.parse(data);
      expect(name).toBe(`${parsed.id}.json`);
      const secret: unknown = JSON.parse(await readFile(join(dir, 'private', name), 'utf8'));
      expect(PrivateCommentSchema.parse(secret).id).toBe(parsed.id);
      ids.add(parsed.id);
    }
  }
  return ids;
}

interface StoreCase {
  name: string;
  skip: boolean;
  /** The `--store` of a fresh store for a test's folder. */
  spec: (dir: string) => string;
  /** Checks the store is whole (every row or file valid, nothing partial); returns every comment. */
  check: (dir: string, spec: string) => Promise<StoredComment[]>;
}

/** Reads the store back through its own class; every comment validates against the schemas. */
async function readBack(spec: string): Promise<StoredComment[]> {
  const store = await openStore(spec);
  try {
    const all = await store.list();
    for (const c of all) {
      PublicCommentSchema.parse(c.public);
      expect(PrivateCommentSchema.parse(c.private).id).toBe(c.public.id);
    }
    return all;
  } finally {
    await store.close();
  }
}

const STORES: StoreCase[] = [
  {
    name: 'file',
    skip: false,
    spec: (dir) => `file:${dir}`,
    check: async (dir, spec) => {
      const ids = await checkFolder(dir);
      const all = await readBack(spec);
      expect(all.map((c) => c.public.id).sort()).toEqual([...ids].sort());
      return all;
    },
  },
  {
    name: 'SQLite',
    skip: false,
    spec: (dir) => `sqlite:${join(dir, 'comments.db')}`,
    check: async (dir, spec) => {
      const raw = new DatabaseSync(join(dir, 'comments.db'));
      expect(raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      raw.close();
      return readBack(spec);
    },
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    spec: () => freshSchemaUrl(postgres ?? ''),
    check: (_dir, spec) => readBack(spec),
  },
];

describe.each(STORES)('khabar-comments serve on the $name store (a real Node HTTP server)', (store) => {
  const start = (dir: string, spec: string) =>
    startReceiver(dir, ['--trusted-proxy', '127.0.0.1', '--store', spec]);

  it.skipIf(store.skip)('stores 2,000 concurrent submissions, none lost, none corrupted', async () => {
    const dir = await tempDir('load');
    const spec = store.spec(dir);
    await writeSite(dir, posts);
    running = await start(dir, spec);
    const agent = new Agent({ keepAlive: true, maxSockets: 2000 });
    const requests = await Promise.all(Array.from({ length: 2000 }, (_, i) => submission(POST, i)));
    const started = performance.now();
    const responses = await Promise.all(
      requests.map((r) => rawPost(`${running?.url}/`, r.body, r.headers, agent)),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const statuses = new Map<number, number>();
    for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 201: 2000 });
    const answered = responses.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(new Set(answered).size).toBe(2000);
    const all = await store.check(dir, spec);
    expect(all.length).toBe(2000);
    if (store.name === 'file') expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    const stored = new Set(all.map((c) => c.public.id));
    for (const id of answered) expect(stored.has(id)).toBe(true);
    // Each stored text is the one its reader sent.
    for (const c of all) {
      const i = /marker-(\d+)-end/.exec(c.public.body)?.[1];
      expect(c.public.author).toBe(`قارئ ${i}`);
      expect(c.private.email).toBe(`reader${i}@example.com`);
    }
    console.log(
      `${store.name}: 2,000 concurrent submissions stored in ${seconds.toFixed(2)} s (${(2000 / seconds).toFixed(0)}/s)`,
    );
  });

  it.skipIf(store.skip)(
    'loses no comment that was answered 2xx when killed with SIGKILL under load',
    async () => {
      const dir = await tempDir('kill');
      const spec = store.spec(dir);
      await writeSite(dir, posts);
      running = await start(dir, spec);
      const receiver = running;
      const agent = new Agent({ keepAlive: true, maxSockets: 200 });
      const acknowledged: string[] = [];
      let failures = 0;
      let killed = false;
      const requests = await Promise.all(Array.from({ length: 3000 }, (_, i) => submission(POST, i)));
      await Promise.all(
        requests.map(async (r) => {
          try {
            const response = await rawPost(`${receiver.url}/`, r.body, r.headers, agent);
            if (response.status >= 200 && response.status < 300) {
              acknowledged.push((JSON.parse(response.body) as { id: string }).id);
              if (acknowledged.length >= 400 && !killed) {
                killed = true;
                receiver.child.kill('SIGKILL');
              }
            }
          } catch {
            failures++;
          }
        }),
      );
      agent.destroy();
      expect(killed).toBe(true);
      expect(failures).toBeGreaterThan(0);
      const stored = new Set((await store.check(dir, spec)).map((c) => c.public.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      console.log(
        `${store.name}: SIGKILL after ${acknowledged.length} acknowledged: ${stored.size} stored, ${failures} requests cut off, 0 lost`,
      );

      // The receiver starts again on the same store and keeps accepting.
      running = await start(dir, spec);
      const again = await submission(POST, 99_999);
      const one = await rawPost(`${running.url}/`, again.body, again.headers, new Agent());
      expect(one.status).toBe(201);
    },
  );

  it.skipIf(store.skip)(
    'hostile input: refusals store nothing; odd but valid text is stored byte for byte',
    async () => {
      const dir = await tempDir('hostile');
      const spec = store.spec(dir);
      await writeSite(dir, posts);
      running = await start(dir, spec);
      const url = `${running.url}/`;
      const agent = new Agent({ keepAlive: true });
      const token = await liveToken(POST);
      const send = (fields: Record<string, unknown>, i: number, headers: Record<string, string> = {}) =>
        rawPost(
          url,
          JSON.stringify({ comment_post_ID: POST, khabar_token: token, ...fields }),
          {
            'content-type': 'application/json',
            accept: 'application/json',
            origin: ORIGIN,
            'x-forwarded-for': `10.9.${i}.1`,
            ...headers,
          },
          agent,
        );
      const who = (i: number) => ({ author: `قارئ ${i}`, email: `h${i}@example.com` });
      const refused = [
        await send({ ...who(1), comment: 'x', isAdmin: true }, 1),
        await send({ ...who(2), comment: 'نص', status: 'approved' }, 2),
        await send({ ...who(3), comment: 'نص\u0000مخفي' }, 3),
        await send({ ...who(4), comment: 'نص \u202Eمعكوس' }, 4),
        await send({ ...who(5), comment: 'نص', comment_parent: '../../private/x' }, 5),
        await send({ ...who(6), comment: 'نص' }, 6, { origin: 'https://evil.example' }),
        await send({ ...who(7), comment: 'نص', khabar_token: 'l.1.AAAA' }, 7),
        await send({ ...who(8), comment: 'x'.repeat(70_000) }, 8),
        await send({ ...who(9), comment: 'نص', comment_post_ID: "'; DROP TABLE khabar_comments; --" }, 9),
      ];
      for (const r of refused) expect(r.status, r.body).toBeGreaterThanOrEqual(400);
      expect(await store.check(dir, spec)).toEqual([]);

      const odd = [
        'Robert\'); DROP TABLE khabar_comments; -- "quoted" `tick` \\ back',
        '<script>alert(1)</script> <img src=x onerror=alert(1)> **نص** [رابط](javascript:alert(1))',
        'مع ZWNJ\u200Cو ZWJ\u200D، وإيموجي 👩🏽‍💻🇸🇾، وأرقام ١٢٣ و 123، و%s %d ${x}',
        `${'طويل '.repeat(5000)}النهاية`,
      ];
      const accepted = await Promise.all(odd.map((comment, i) => send({ ...who(20 + i), comment }, 20 + i)));
      for (const r of accepted) expect(r.status, r.body).toBe(201);
      const stored = await store.check(dir, spec);
      expect(stored.map((c) => c.public.body).sort()).toEqual([...odd].sort());
      agent.destroy();
    },
  );
});

describe('khabar-comments serve under a slowloris', () => {
  it('hundreds of slow connections from one address under ulimit -n 256 leave a real post unharmed', async () => {
    const dir = await tempDir('slowloris');
    await writeSite(dir, posts);
    // No trusted proxy: every connection is a client of its own.
    running = await startReceiver(
      dir,
      ['--store', `sqlite:${join(dir, 'comments.db')}`],
      {},
      { openFiles: 256 },
    );
    const { hostname, port } = new URL(running.url);
    const sockets: Socket[] = [];
    let timer: NodeJS.Timeout | undefined;
    try {
      // 400 connections that never finish their headers: one byte a second, as a slowloris sends them.
      for (let i = 0; i < 400; i++) {
        const socket = connect({ host: hostname, port: Number(port), localAddress: '127.0.0.1' });
        socket.on('error', () => undefined);
        socket.write('POST / HTTP/1.1\r\nHost: news.example\r\nX-Slow: ');
        sockets.push(socket);
      }
      timer = setInterval(() => {
        for (const socket of sockets) if (!socket.destroyed) socket.write('a');
      }, 1000);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // A reader from another address posts meanwhile and is answered at once.
      const real = await submission(POST, 1);
      const agent = new Agent({ localAddress: '127.0.0.2' });
      const answer = await rawPost(`${running.url}/`, real.body, real.headers, agent);
      agent.destroy();
      expect(answer.status, answer.body).toBe(201);
      // Most of the slow connections were cut at once: one address holds few of the receiver's files.
      expect(sockets.filter((socket) => socket.destroyed || socket.readableEnded).length).toBeGreaterThan(
        300,
      );
    } finally {
      clearInterval(timer);
      for (const socket of sockets) socket.destroy();
    }
    expect(running.output()).not.toContain('EMFILE');
  });
});

/** `unshare` can give a child a private, read-only view of a folder (a user and mount namespace). */
const canMountReadOnly = spawnSync('unshare', ['-rm', 'true']).status === 0;

describe.each(STORES.filter((store) => store.name !== 'PostgreSQL'))(
  'khabar-comments serve on a $name store that cannot be written',
  (store) => {
    /** Posts one comment from reader `i`; resolves to the status and the message. */
    async function postOne(i: number): Promise<{ status: number; message: string }> {
      const real = await submission(POST, i);
      const answer = await rawPost(`${running?.url ?? ''}/`, real.body, real.headers, new Agent());
      return { status: answer.status, message: (JSON.parse(answer.body) as { message: string }).message };
    }

    it.skipIf(!canMountReadOnly)(
      'a read-only folder: 503 in Arabic, and nothing stored is lost',
      async () => {
        const dir = await tempDir('readonly');
        const spec = store.spec(dir);
        await writeSite(dir, posts);
        running = await startReceiver(dir, ['--trusted-proxy', '127.0.0.1', '--store', spec]);
        for (let i = 0; i < 3; i++) expect((await postOne(i)).status).toBe(201);
        await running.stop();
        const before = await store.check(dir, spec);
        expect(before.length).toBe(3);

        const readOnly = [
          'unshare',
          '-rm',
          'sh',
          '-c',
          'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"',
          dir,
        ];
        const args = ['--trusted-proxy', '127.0.0.1', '--store', spec];
        // SQLite cannot open the database for writing on a read-only file system: the receiver opens it
        // to be read, says so, and answers posts 503 as the file store does.
        running = await startReceiver(dir, args, {}, { prefix: readOnly });
        const refused = await postOne(10);
        expect(refused).toEqual({ status: 503, message: 'تعذّر حفظ تعليقك الآن. حاول مجدداً بعد قليل.' });
        await running.stop();
        running = undefined;
        const after = await store.check(dir, spec);
        expect(after.map((c) => c.public.id).sort()).toEqual(before.map((c) => c.public.id).sort());
      },
    );

    it.skipIf(!canMountReadOnly)(
      'a full disk: 503 in Arabic, and every comment stored before is still there',
      async () => {
        const dir = await tempDir('full');
        await writeSite(dir, posts);
        running = await startReceiver(dir, ['--trusted-proxy', '127.0.0.1', '--store', store.spec(dir)]);
        for (let i = 0; i < 3; i++) expect((await postOne(i)).status).toBe(201);
        await running.stop();
        const before = await store.check(dir, store.spec(dir));

        // The store on a small tmpfs filled to the brim (SQLite keeps the 40 KiB its shared-memory
        // file needs to open at all), in a private mount namespace; when the receiver stops, what the
        // tmpfs holds is copied to `after` for the checks.
        const after = await tempDir('full-after');
        const room = store.name === 'SQLite' ? 40_960 : 0;
        const fullDisk = [
          'unshare',
          '-rm',
          'sh',
          '-c',
          `dir=$0 out=$1; shift
          cp -a "$dir/." "$out/" && mount -t tmpfs -o size=8m tmpfs "$dir" && cp -a "$out/." "$dir/"
          cat /dev/zero > "$dir/.filler" 2>/dev/null; truncate -s -${room} "$dir/.filler"
          "$@" & child=$!
          trap 'kill -TERM $child' TERM INT
          wait $child; wait $child
          rm -f "$dir/.filler"; rm -rf "$out"; mkdir "$out"; cp -a "$dir/." "$out/"`,
          dir,
          after,
        ];
        running = await startReceiver(
          dir,
          ['--trusted-proxy', '127.0.0.1', '--store', store.spec(dir)],
          {},
          {
            prefix: fullDisk,
          },
        );
        const refused = await postOne(10);
        expect(refused).toEqual({ status: 503, message: 'تعذّر حفظ تعليقك الآن. حاول مجدداً بعد قليل.' });
        await running.stop();
        running = undefined;
        const kept = await store.check(after, store.spec(after));
        expect(kept.map((c) => c.public.id).sort()).toEqual(before.map((c) => c.public.id).sort());
        if (store.name === 'file') expect(await readdir(join(after, '.tmp'))).toEqual([]);
      },
    );
  },
);
