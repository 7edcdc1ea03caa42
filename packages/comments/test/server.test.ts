import { readdir, readFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrivateCommentSchema, PublicCommentSchema } from '../src/store/comment.ts';
import { FileStore } from '../src/store/fs.ts';
import {
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

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await removeTempDirs();
});

/** Every comment file in every status folder parses and validates; returns the ids. */
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

describe('khabar-comments serve (a real Node HTTP server)', () => {
  it('stores 2,000 concurrent submissions, none lost, none corrupted', async () => {
    const dir = await tempDir('load');
    await writeSite(dir, posts);
    running = await startReceiver(dir, ['--trusted-proxy', '127.0.0.1']);
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
    const onDisk = await checkFolder(dir);
    expect(onDisk.size).toBe(2000);
    for (const id of answered) expect(onDisk.has(id)).toBe(true);
    // Each stored text is the one its reader sent.
    const store = new FileStore(dir);
    const all = await store.list();
    for (const c of all) {
      const i = /marker-(\d+)-end/.exec(c.public.body)?.[1];
      expect(c.public.author).toBe(`قارئ ${i}`);
      expect(c.private.email).toBe(`reader${i}@example.com`);
    }
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    console.log(
      `2,000 concurrent submissions stored in ${seconds.toFixed(2)} s (${(2000 / seconds).toFixed(0)}/s)`,
    );
  });

  it('loses no comment that was answered 2xx when killed with SIGKILL under load', async () => {
    const dir = await tempDir('kill');
    await writeSite(dir, posts);
    running = await startReceiver(dir, ['--trusted-proxy', '127.0.0.1']);
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
    const onDisk = await checkFolder(dir);
    const lost = acknowledged.filter((id) => !onDisk.has(id));
    expect(lost).toEqual([]);
    console.log(
      `SIGKILL after ${acknowledged.length} acknowledged: ${onDisk.size} on disk, ${failures} requests cut off, 0 lost`,
    );

    // The receiver starts again on the same folder and keeps accepting.
    running = await startReceiver(dir, ['--trusted-proxy', '127.0.0.1']);
    const again = await submission(POST, 99_999);
    const one = await rawPost(`${running.url}/`, again.body, again.headers, new Agent());
    expect(one.status).toBe(201);
  });
});
