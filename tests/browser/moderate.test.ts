/**
 * Moderation from a browser, in real Chromium, against a real receiver started as `khabar-comments
 * serve` starts it, on SQLite, its password set by `khabar-comments passwd`: a wrong password is
 * refused; the moderator logs in and approves a pending comment, which the store then holds approved
 * (and the deploy hook is called); a page on another site that auto-submits a form to /moderate is
 * refused and changes nothing, even carrying the session's real form token; the login rate limit
 * answers in Arabic.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cliSource,
  removeTempDirs,
  startReceiver,
  tempDir,
  writeSite,
  type RunningReceiver,
} from '../../packages/comments/test/helpers/receiver.ts';
import { sampleComment } from '../../packages/comments/src/store/contract.ts';
import { openStore } from '../../packages/comments/src/store/open.ts';
import { launchChromium } from '../helpers/browser.ts';

const PASSWORD = 'كلمة مرور المشرف ٢٠١٦';
const POST = 'russia-syria';
const posts = [{ id: POST, url: '/politics/russia-syria/', title: 'روسيا وسوريا', closed: false }];

let dir = '';
let receiver: RunningReceiver | undefined;
let browser: Browser | undefined;
let hook: Server | undefined;
let attacker: Server | undefined;
let attackerHtml = '';
const hookCalls: string[] = [];
const teardown: (() => Promise<unknown>)[] = [];
let first = '';
let second = '';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** `khabar-comments passwd --dir <dir>`, the password on its stdin as a script would give it. */
function setPassword(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliSource, 'passwd', '--dir', dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`passwd exited ${code}: ${output}`));
    });
    child.stdin.end(`${PASSWORD}\n`);
  });
}

async function statusOf(id: string) {
  const store = await openStore(`sqlite:${join(dir, 'comments.db')}`, { readOnly: true });
  try {
    return (await store.get(id))?.status;
  } finally {
    await store.close();
  }
}

const url = (path: string) => `${receiver?.url ?? ''}${path}`;

async function withContext<T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ locale: 'ar' });
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

async function logIn(page: Page, password = PASSWORD) {
  await page.goto(url('/moderate'));
  await page.fill('#moderator-name', 'ليلى');
  await page.fill('#moderator-password', password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/moderate/login')),
    page.click('form.login button[type=submit]'),
  ]);
  await page.waitForLoadState('load');
  return response;
}

beforeAll(async () => {
  dir = await tempDir('moderate');
  teardown.push(removeTempDirs);
  await writeSite(dir, posts);
  expect(await setPassword()).toContain('moderator-password.hash');
  const store = await openStore(`sqlite:${join(dir, 'comments.db')}`);
  try {
    const a = sampleComment({
      public: {
        postId: POST,
        author: 'سارة',
        body: 'تعليق أول ينتظر المراجعة',
        createdAt: '2016-12-01T10:15:00.000Z',
      },
      private: { email: 'sara@example.com', ip: '203.0.113.0/24' },
    });
    const b = sampleComment({ public: { postId: POST, author: 'Omar', body: 'a second pending comment' } });
    await store.add(a);
    await store.add(b);
    first = a.public.id;
    second = b.public.id;
  } finally {
    await store.close();
  }
  hook = createServer((req, res) => {
    hookCalls.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.end('ok');
  });
  const hookPort = await listen(hook);
  teardown.push(() => new Promise((r) => hook?.close(r)));
  attacker = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(attackerHtml);
  });
  await listen(attacker);
  teardown.push(() => new Promise((r) => attacker?.close(r)));
  receiver = await startReceiver(dir, ['--deploy-hook', `http://127.0.0.1:${hookPort}/build`]);
  teardown.push(() => receiver?.stop() ?? Promise.resolve());
  browser = await launchChromium();
  teardown.push(() => browser?.close() ?? Promise.resolve());
});

afterAll(async () => {
  for (const step of teardown.reverse()) await step();
});

describe('moderation from a browser', () => {
  it('refuses a wrong password, in Arabic', async () => {
    await withContext(async (page) => {
      const response = await logIn(page, 'not the password at all');
      expect(response.status()).toBe(401);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('[role=alert]').textContent()).toBe('كلمة المرور غير صحيحة.');
      expect(await page.locator('.comments').count()).toBe(0);
    });
  });

  it('logs in, approves a pending comment, and the store holds it approved', async () => {
    await withContext(async (page, context) => {
      const response = await logIn(page);
      expect(response.status()).toBe(303);
      const cookie = (await context.cookies()).find((c) => c.name === 'khabar-moderator');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/moderate' });
      const item = page.locator(`li[data-comment="${first}"]`);
      expect(await item.locator('h2 bdi').textContent()).toBe('سارة');
      expect(await item.locator('.text').getAttribute('dir')).toBe('auto');
      expect(await item.textContent()).toContain('sara@example.com');
      expect(await item.locator('a bdi').first().textContent()).toBe('روسيا وسوريا');
      await Promise.all([page.waitForURL(/\/moderate/), item.locator('button[value=approve]').click()]);
      await page.waitForLoadState('load');
      expect(await page.locator('[role=status]').first().textContent()).toContain('اعتُمد التعليق.');
      expect(await page.locator(`li[data-comment="${first}"]`).count()).toBe(0);
      expect(await statusOf(first)).toBe('approved');
      expect(hookCalls).toEqual(['POST /build']);
    });
    const log = await readFile(join(dir, 'moderation-audit.log'), 'utf8');
    const approved = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; comment?: string; who: string })
      .find((e) => e.action === 'approve');
    expect(approved).toMatchObject({ comment: first, who: 'ليلى' });
  });

  it('refuses a form another site submits to /moderate, and changes nothing', async () => {
    await withContext(async (page) => {
      await logIn(page);
      // Even with the session's real form token, which a forger could not read.
      const csrf = await page.locator(`li[data-comment="${second}"] input[name=csrf]`).first().inputValue();
      attackerHtml = `<!doctype html><html><body>
<form id="f" method="post" action="${url('/moderate/action')}">
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="id" value="${second}">
<input type="hidden" name="action" value="spam"></form>
<script>document.getElementById('f').submit();</script></body></html>`;
      const port = (attacker?.address() as AddressInfo).port;
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/moderate/action')),
        // localhost and 127.0.0.1 are different sites to the browser.
        page.goto(`http://localhost:${port}/`),
      ]);
      expect(response.status()).toBe(403);
      await page.waitForLoadState('load');
      expect(await page.locator('[role=alert]').textContent()).toContain('رُفض الطلب');
      expect(await statusOf(second)).toBe('pending');
    });
    const log = await readFile(join(dir, 'moderation-audit.log'), 'utf8');
    expect(log).toContain('"action":"refused"');
  });

  it('limits logins: after five failures a minute, even the right password waits', async () => {
    await withContext(async (page) => {
      for (let i = 0; i < 5; i++) expect((await logIn(page, `wrong ${i} password`)).status()).toBe(401);
      const limited = await logIn(page);
      expect(limited.status()).toBe(429);
      expect(await page.locator('[role=alert]').textContent()).toMatch(
        /^محاولات دخول كثيرة\. حاول مجدداً بعد .+ ثانية\.$/,
      );
      expect(await page.locator('.comments').count()).toBe(0);
    });
  });
});
