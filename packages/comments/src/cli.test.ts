import { spawn, spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { verifyPassword } from './lib/password.ts';
import { KhabarCommentsConfigError } from './config/friendly-errors.ts';
import { sampleComment } from './store/contract.ts';
import { FileStore } from './store/fs.ts';
import { SqliteStore } from './store/sqlite.ts';

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
    const missing = await run(['approve', '../../etc/passwd', '--dir', dir, '--store', `file:${dir}`]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No comment with id "../../etc/passwd"');
    await expect(run(['frobnicate'])).rejects.toThrow(/Unknown command "frobnicate"/);
    await expect(run(['serve', '--dir', dir])).rejects.toThrow(/KHABAR_COMMENTS_SECRET/);
  });
});

describe('khabar-comments --store and migrate', () => {
  it('runs every command on the store --store names, and moves a file store to SQLite without loss', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    const files = new FileStore(join(dir, 'comments'));
    const comments = [
      sampleComment({ status: 'approved', private: { email: 'a@example.com' } }),
      sampleComment({ public: { body: 'نص **عربي** مع ZWNJ\u200C' } }),
      sampleComment({ status: 'spam' }),
      sampleComment({ status: 'trash', public: { parentId: null, url: 'https://example.com/' } }),
    ];
    for (const c of comments) await files.add(c);
    const from = `file:${join(dir, 'comments')}`;
    const to = `sqlite:${join(dir, 'comments.db')}`;
    const moved = await run(['migrate', '--from', from, '--to', to]);
    expect(moved.code, moved.err).toBe(0);
    const sums = [
      ...moved.out.matchAll(
        /4 comment\(s\) \(pending 1, approved 1, spam 1, trash 1\), sha256 ([0-9a-f]{64})/g,
      ),
    ];
    expect(sums.length).toBe(2);
    expect(sums[0]?.[1]).toBe(sums[1]?.[1]);
    expect(moved.out).toContain('4 copied, 0 already there');
    // Run again: nothing to copy, still the same.
    expect((await run(['migrate', '--from', from, '--to', to])).out).toContain('0 copied, 4 already there');

    const list = await run(['list', '--store', to, '--status', 'all', '--json']);
    expect((JSON.parse(list.out) as unknown[]).length).toBe(4);
    const id = comments[1]?.public.id ?? '';
    expect((await run(['approve', id, '--store', to, '--no-deploy'])).code).toBe(0);
    expect((await run(['show', id, '--store', to, '--json'])).out).toContain('"status": "approved"');
    // The file store is untouched by the move and by the commands on SQLite.
    expect((await files.get(id))?.status).toBe('pending');

    const out = join(dir, 'approved.json');
    expect((await run(['export', '--store', to, '--status', 'approved', '--out', out])).out).toContain(
      '2 comment(s) written',
    );
    const fromExport = await run(['list', '--store', `export:${out}`, '--status', 'all', '--json']);
    expect((JSON.parse(fromExport.out) as { id: string }[]).map((c) => c.id).sort()).toEqual(
      [comments[0]?.public.id, id].sort(),
    );
    await expect(run(['approve', id, '--store', `export:${out}`])).rejects.toThrow(/read-only/);
  });

  it('names the flag at fault, and refuses to move into an export', async () => {
    await expect(run(['list', '--store', './comments'])).rejects.toThrow(
      /--store: must start with file:, sqlite:, postgres:\/\/ or export:/,
    );
    await expect(run(['list', '--store', 'sqlite://x.db'])).rejects.toThrow(/write "sqlite:\/x.db"/);
    await expect(run(['migrate', '--from', 'file:/tmp/x'])).rejects.toThrow(/Give both stores/);
    await expect(run(['migrate', '--from', 'file:/tmp/x', '--to', 'export:/tmp/y.json'])).rejects.toThrow(
      /cannot be an export/,
    );
  });

  it('names site.json and its fault when it is damaged, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    await writeFile(join(dir, 'site.json'), '{\n  "version": 1,\n  "posts": [\n');
    for (const argv of [['list'], ['serve', '--port', '0']]) {
      const error = await run([...argv, '--dir', dir], { KHABAR_COMMENTS_SECRET: 'x'.repeat(32) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KhabarCommentsConfigError);
      expect((error as Error).message).toContain(
        `site.json at ${join(dir, 'site.json')} is not valid JSON: line 4, column 1:`,
      );
    }
  });

  it('lists a corrupt comment as corrupt, and no command moves it half-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    const store = new FileStore(dir);
    const good = sampleComment({ public: { author: 'سارة' } });
    const bad = sampleComment({ public: { author: 'عمر' } });
    await store.add(good);
    await store.add(bad);
    const id = bad.public.id;
    const file = join(dir, 'pending', `${id}.json`);
    await writeFile(file, '{\n  "id": "' + id + '",\n  "author": "عمر"\n');

    const list = await run(['list', '--dir', dir]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(good.public.id);
    expect(list.out).toContain(`${id}  corrupt   (in pending)  file: ${file}`);
    expect(list.out).toContain('is not valid JSON: line 4, column 1');
    const json = await run(['list', '--dir', dir, '--json']);
    expect((JSON.parse(json.out) as { id: string }[]).map((c) => c.id)).toEqual([good.public.id]);
    expect(json.err).toContain(`corrupt: ${id} (pending) ${file}`);

    const show = await run(['show', id, '--dir', dir]);
    expect(show.code).toBe(1);
    expect(show.err).toContain('The comment is corrupt');
    expect(show.err).not.toContain('No comment with id');

    for (const command of ['approve', 'spam', 'trash']) {
      const moved = await run([command, id, '--dir', dir, '--no-deploy']);
      expect(moved.code, command).toBe(1);
      expect(moved.err).toContain(`${id}: not moved to`);
      expect(moved.err).toContain(file);
      expect(moved.out).not.toContain('Rebuild the site');
    }
    // It is where it was, as it was.
    expect(await readFile(file, 'utf8')).toContain('"author": "عمر"');
    for (const status of ['approved', 'spam', 'trash']) expect(await readdir(join(dir, status))).toEqual([]);

    const exported = await run(['export', '--dir', dir]);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`not exported, corrupt: ${id} (pending) ${file}`);

    // migrate copies what it can read and says what it could not.
    const moved = await run(['migrate', '--from', `file:${dir}`, '--to', `sqlite:${join(dir, 'moved.db')}`]);
    expect(moved.code).toBe(1);
    expect(moved.err).toContain(`not copied, corrupt: ${id} (pending) ${file}`);
    expect(moved.err).toContain('1 corrupt comment(s)');

    const removed = await run(['delete', id, '--dir', dir]);
    expect(removed.code).toBe(0);
    expect(removed.out).toContain(`${id}: deleted (it was corrupt)`);
    expect(await readdir(join(dir, 'pending'))).toEqual([`${good.public.id}.json`]);
    expect(await readdir(join(dir, 'private'))).toEqual([`${good.public.id}.json`]);
  });
});

describe('khabar-comments CLI on a SQLite store', () => {
  it('lists a row that no longer holds a valid comment as corrupt, and does not move it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-sqlite-'));
    const path = join(dir, 'comments.db');
    const store = await SqliteStore.open(path);
    const good = sampleComment();
    const bad = sampleComment();
    await store.add(good);
    await store.add(bad);
    await store.close();
    const raw = new DatabaseSync(path);
    raw.prepare(`UPDATE khabar_comments SET created_at = 'yesterday' WHERE id = ?`).run(bad.public.id);
    raw.close();
    const spec = `sqlite:${path}`;
    const where = `${path} (table khabar_comments, the row with id "${bad.public.id}")`;

    const list = await run(['list', '--store', spec]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(good.public.id);
    expect(list.out).toContain(`${bad.public.id}  corrupt   (in pending)  file: ${where}`);
    expect(list.out).toContain('public.createdAt: Invalid ISO datetime (got "yesterday")');
    const show = await run(['show', bad.public.id, '--store', spec]);
    expect(show.code).toBe(1);
    expect(show.err).toContain('The comment is corrupt');
    const approve = await run(['approve', bad.public.id, '--store', spec, '--no-deploy']);
    expect(approve.code).toBe(1);
    expect(approve.err).toContain(`${bad.public.id}: not moved to approve`);
    const check = new DatabaseSync(path, { readOnly: true });
    expect(check.prepare('SELECT status FROM khabar_comments WHERE id = ?').get(bad.public.id)).toEqual({
      status: 'pending',
    });
    check.close();
    const removed = await run(['delete', bad.public.id, '--store', spec]);
    expect(removed.out).toContain(`${bad.public.id}: deleted (it was corrupt)`);
  });
});

describe('khabar-comments in a terminal: a closed pipe and a disk that refuses writes', () => {
  const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
  /** Runs the CLI from source in a child process (Node 22 strips the types), optionally wrapped. */
  function spawnCli(args: string[], wrap: string[] = []) {
    const command = [...wrap, process.execPath, cliPath, ...args];
    return spawn(command[0] ?? '', command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  function finished(child: ReturnType<typeof spawnCli>): Promise<{ code: number | null; err: string }> {
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    return new Promise((resolve) =>
      child.on('close', (code) => {
        resolve({ code, err });
      }),
    );
  }
  const can = (command: string[]) => spawnSync(command[0] ?? '', command.slice(1)).status === 0;
  const readOnly = [
    'unshare',
    '-rm',
    'sh',
    '-c',
    'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"',
  ];

  async function storeWith(count: number): Promise<{ dir: string; ids: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
    const store = new FileStore(dir);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const comment = sampleComment({
        public: { author: `قارئ ${i}`, body: `تعليق طويل ${'نص '.repeat(60)} ${i}` },
      });
      await store.add(comment);
      ids.push(comment.public.id);
    }
    return { dir, ids };
  }

  it('`list | head` stops quietly with exit 0 when the pipe closes', async () => {
    const { dir } = await storeWith(150);
    const child = spawnCli(['list', '--dir', dir]);
    // Like head: read the first chunk, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const { code, err } = await finished(child);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it.skipIf(!can(['unshare', '-rm', 'true']))(
    'approve on a read-only folder names the folder and exits non-zero, without a stack trace',
    async () => {
      const { dir, ids } = await storeWith(1);
      const [id = ''] = ids;
      const child = spawnCli(['approve', id, '--dir', dir, '--no-deploy'], [...readOnly, dir]);
      const { code, err } = await finished(child);
      expect(err.trim()).toBe(
        `khabar-comments: ${join(dir, 'pending')}: the file system is read-only: remount it read-write, or run the command where the store can be written (EROFS).`,
      );
      expect(code).toBe(2);
      expect((await new FileStore(dir).get(id))?.status).toBe('pending');
    },
  );

  it.skipIf(!can(['unshare', '-rm', 'true']))(
    'a SQLite database on a read-only file system is still listed, and approve says it cannot be written',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'khabar-cli-'));
      const spec = `sqlite:${join(dir, 'comments.db')}`;
      const store = await SqliteStore.open(join(dir, 'comments.db'));
      const comment = sampleComment({ public: { author: 'سارة' } });
      await store.add(comment);
      await store.close();
      const id = comment.public.id;

      const listing = spawnCli(['list', '--store', spec, '--dir', dir], [...readOnly, dir]);
      let out = '';
      listing.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      expect((await finished(listing)).code).toBe(0);
      expect(out).toContain(id);

      const child = spawnCli(
        ['approve', id, '--store', spec, '--dir', dir, '--no-deploy'],
        [...readOnly, dir],
      );
      const { code, err } = await finished(child);
      expect(err.trim()).toBe(
        `khabar-comments: ${spec}: the database cannot be opened for writing: check that its folder exists, that this user may write it, and that it is not on a read-only file system.`,
      );
      expect(code).toBe(2);
      const after = await SqliteStore.open(join(dir, 'comments.db'), { readOnly: true });
      expect((await after.get(id))?.status).toBe('pending');
      await after.close();
    },
  );

  it.skipIf(!can(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'true']))(
    'approve in a folder the user may not write says permission denied, naming it',
    async () => {
      const { dir, ids } = await storeWith(1);
      const [id = ''] = ids;
      // Readable by everyone, writable by its owner only (mkdtemp makes it private to root).
      await chmod(dir, 0o755);
      const child = spawnCli(
        ['approve', id, '--dir', dir, '--no-deploy'],
        ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
      );
      const { code, err } = await finished(child);
      expect(err).toMatch(new RegExp(`^khabar-comments: ${dir}/[a-z]+: permission denied`));
      expect(err).not.toMatch(/\n\s+at /);
      expect(code).toBe(2);
    },
  );
});

describe('khabar-comments passwd', () => {
  const withInput = async (argv: string[], answers: string[], interactive: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const prompts: string[] = [];
    const secret = {
      interactive,
      read: (prompt: string) => {
        prompts.push(prompt);
        return Promise.resolve(answers.shift() ?? '');
      },
    };
    const code = await main(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {},
      cwd: '/',
      secret,
    });
    return { code, out: out.join('\n'), err: err.join('\n'), prompts };
  };

  it('writes the scrypt hash of the password, twice typed, where serve finds it, readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-passwd-'));
    const password = 'كلمة مرور المشرف الطويلة';
    const set = await withInput(['passwd', '--dir', dir], [password, password], true);
    expect(set.code).toBe(0);
    expect(set.prompts).toEqual(['New moderator password: ', 'Repeat it: ']);
    const file = join(dir, 'moderator-password.hash');
    const hash = (await readFile(file, 'utf8')).trim();
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(JSON.stringify(set)).not.toContain(password);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('prints the hash with --print, reads one line from a pipe, and refuses short or mistyped passwords', async () => {
    const printed = await withInput(['passwd', '--print'], ['a password from a pipe'], false);
    expect(printed.prompts).toHaveLength(1);
    expect(await verifyPassword('a password from a pipe', printed.out)).toBe(true);
    await expect(withInput(['passwd', '--print'], ['short'], false)).rejects.toThrow(
      /at least 12 characters/,
    );
    const differ = await withInput(['passwd', '--print'], ['one long password', 'another one'], true);
    expect(differ.code).toBe(1);
    expect(differ.err).toContain('differ');
  });
});
