import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { sampleComment } from './store/contract.ts';
import { FileStore } from './store/fs.ts';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: '/' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('khabar-comments CLI', () => {
  it('lists, shows, approves, marks spam, trashes, deletes and exports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    const store = new FileStore(dir);
    const a = sampleComment({
      public: { author: 'سارة', body: 'تعليق **أول**\nبسطرين' },
      private: { email: 'sara@example.com' },
    });
    const b = sampleComment({ public: { author: 'Omar', body: 'second' } });
    await store.add(a);
    await store.add(b);
    const id = a.public.id;

    const list = await run(['list', '--dir', dir]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(id);
    expect(list.out).toContain('    سارة');
    expect(list.out).toContain('تعليق **أول** بسطرين');

    const show = await run(['show', id, '--dir', dir]);
    expect(show.out).toContain('sara@example.com');
    expect(show.out).toContain('    بسطرين');

    // The deploy hook is called after approval.
    const calls: string[] = [];
    const hook = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.end('ok');
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/build`;
    const approve = await run(['approve', id, '--dir', dir, '--deploy-hook', hookUrl]);
    hook.close();
    expect(approve.code).toBe(0);
    expect(approve.out).toContain('approved');
    expect(approve.out).toContain('deploy hook: 200');
    expect(calls).toEqual(['POST /build']);
    expect((await store.get(id))?.status).toBe('approved');

    expect((await run(['spam', b.public.id, '--dir', dir])).code).toBe(0);
    expect((await store.get(b.public.id))?.status).toBe('spam');
    expect((await run(['trash', b.public.id, '--dir', dir])).code).toBe(0);
    expect((await run(['list', '--status', 'trash', '--dir', dir, '--json'])).out).toContain(b.public.id);

    const exported = JSON.parse((await run(['export', '--dir', dir])).out) as {
      comments: { public: { id: string }; private?: unknown }[];
    };
    expect(exported.comments.length).toBe(2);
    expect(exported.comments[0]?.private).toBeUndefined();
    const full = JSON.parse((await run(['export', '--private', '--dir', dir])).out) as {
      comments: { private?: { email: string } }[];
    };
    expect(full.comments[0]?.private?.email).toBe('sara@example.com');

    expect((await run(['delete', b.public.id, '--dir', dir])).code).toBe(0);
    expect(await store.get(b.public.id)).toBeUndefined();
  });

  it('reports unknown ids and commands clearly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    const missing = await run(['approve', '../../etc/passwd', '--dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No comment with id "../../etc/passwd"');
    await expect(run(['frobnicate'])).rejects.toThrow(/Unknown command "frobnicate"/);
    await expect(run(['serve', '--dir', dir])).rejects.toThrow(/KHABAR_COMMENTS_SECRET/);
  });
});
