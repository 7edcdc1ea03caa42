/**
 * The comment receiver behind a TLS-terminating reverse proxy, as a site owner deploys it: a real
 * `khabar-comments serve` (the package's dist) speaking plain HTTP on loopback, a Node `https` proxy with
 * a self-signed certificate in front of it, and Chromium reaching the receiver only through the proxy.
 * The receiver's own pages (the reply form for readers without JavaScript, the error page's "send
 * again" form) carry a CSP with `form-action 'self'`: their forms must post to the `https://` address
 * the reader used, or Chromium blocks the post.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { issueToken } from 'khabar-comments/lib';
import { openStore } from 'khabar-comments/store';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../helpers/browser.ts';

const cli = fileURLToPath(new URL('../../packages/comments/dist/cli.js', import.meta.url));
const SECRET = 'tls-proxy-test-secret-0123456789abcdef';
const POST = 'tls-post';
const POST_URL = '/politics/tls/';

/** A self-signed certificate for 127.0.0.1, made by Debian's openssl for this run only. */
async function selfSigned(dir: string): Promise<{ key: string; cert: string }> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
}

/** An https reverse proxy that forwards to `target()` with the usual X-Forwarded-* headers. */
async function startProxy(tls: { key: string; cert: string }, target: () => string): Promise<Server> {
  const server = createServer(tls, (incoming: IncomingMessage, outgoing) => {
    const upstream = new URL(target());
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          'x-forwarded-for': incoming.socket.remoteAddress ?? '',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': incoming.headers.host ?? '',
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** `khabar-comments serve` from the package's dist on a free port; resolves to its URL. */
async function startReceiver(dir: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--dir', dir, '--port', '0', ...args], {
    env: { ...process.env, KHABAR_COMMENTS_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /receiving comments at (http:\/\/[\d.:]+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`the receiver exited (${String(code)}):\n${output}`));
    });
  });
  return { child, url };
}

async function stopReceiver(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

let dir = '';
let proxy: Server | undefined;
let receiver: { child: ChildProcess; url: string } | undefined;
let browser: Browser | undefined;
let proxyOrigin = '';

async function comments() {
  const store = await openStore(`sqlite:${join(dir, 'comments.db')}`);
  try {
    return await store.list();
  } finally {
    await store.close();
  }
}

/** The site's build as the receiver reads it: one open post, the proxy's origin as the site's. */
async function writeSiteJson(endpoint: string): Promise<void> {
  const manifest = {
    version: 1,
    generatedAt: new Date().toISOString(),
    origins: [proxyOrigin],
    endpoint,
    // No flood window: the test posts from one address. A form sent within 3 s of its page is refused.
    limits: { minSeconds: 3, floodSeconds: 0 },
    posts: [{ id: POST, url: POST_URL, title: 'TLS', closed: false }],
  };
  await writeFile(join(dir, 'site.json'), JSON.stringify(manifest));
}

/** An approved comment to reply to, posted as the enhancement script would and approved in the store. */
async function approvedParent(text: string): Promise<string> {
  const token = await issueToken(SECRET, POST, Date.now() - 10_000);
  const response = await fetch(`${receiver?.url ?? ''}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: proxyOrigin },
    body: JSON.stringify({
      author: 'سارة',
      email: 'sara@example.com',
      comment: text,
      comment_post_ID: POST,
      khabar_token: token,
    }),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const store = await openStore(`sqlite:${join(dir, 'comments.db')}`);
  await store.setStatus(id, 'approved');
  await store.close();
  return id;
}

async function fillReply(page: Page, text: string): Promise<void> {
  await page.fill('#comment', text);
  await page.fill('#author', 'علي');
  await page.fill('#email', 'ali@example.com');
}

/** Submits the page's form and waits for the receiver's answer to it (a redirect, or an error page). */
async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 10_000 }),
    page.click('button[type=submit]'),
  ]);
  return response.status();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'khabar-tls-'));
  proxy = await startProxy(await selfSigned(dir), () => receiver?.url ?? 'http://127.0.0.1:1');
  proxyOrigin = `https://127.0.0.1:${String((proxy.address() as AddressInfo).port)}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, '--ignore-certificate-errors'],
  });
});

afterAll(async () => {
  await browser?.close();
  await stopReceiver(receiver?.child);
  await new Promise<void>((resolve) => {
    if (!proxy) resolve();
    else
      proxy.close(() => {
        resolve();
      });
    proxy?.closeAllConnections();
  });
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  {
    name: "the trusted proxy's X-Forwarded-Proto and -Host",
    endpoint: '/',
    args: ['--trusted-proxy', '127.0.0.1'],
  },
  { name: "the site's endpoint as the public URL", endpoint: 'https://', args: [] },
])('the receiver behind a TLS proxy, its URL from $name', ({ endpoint, args }) => {
  beforeAll(async () => {
    await stopReceiver(receiver?.child);
    await writeSiteJson(endpoint === 'https://' ? `${proxyOrigin}/` : endpoint);
    receiver = await startReceiver(dir, args);
  });

  it('the reply form (JavaScript off) and the error page’s "send again" form post over https and store the reply', async () => {
    // Both cases share one store: the texts differ, or the second would be a duplicate.
    const again = `ردّ أُرسل مرتين (${endpoint})`;
    const reply = `ردّ من صفحة الرد (${endpoint})`;
    const parent = await approvedParent(`تعليق أول عبر ${endpoint}`);
    if (!browser) throw new Error('Chromium did not start');
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const replyPage = `${proxyOrigin}/reply?post=${encodeURIComponent(POST)}&parent=${parent}`;
      expect((await page.goto(replyPage))?.status()).toBe(200);
      expect(await page.getAttribute('form', 'action')).toBe(`${proxyOrigin}/`);

      // Sent at once, sooner than the token allows: the error page keeps the text and offers it again.
      await fillReply(page, again);
      expect(await submit(page)).toBe(429);
      expect(await page.inputValue('#comment')).toBe(again);
      expect(await page.getAttribute('form', 'action')).toBe(`${proxyOrigin}/`);
      await page.waitForTimeout(3_100);
      expect(await submit(page)).toBe(303);

      // The reply form itself, sent once the token allows.
      expect((await page.goto(replyPage))?.status()).toBe(200);
      await fillReply(page, reply);
      await page.waitForTimeout(3_100);
      expect(await submit(page)).toBe(303);
    } finally {
      await context.close();
    }
    const replies = (await comments()).filter((c) => c.public.parentId === parent);
    expect(replies.map((c) => c.public.body).sort()).toEqual([again, reply].sort());
  });
});
