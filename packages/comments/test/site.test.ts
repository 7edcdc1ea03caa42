/**
 * The whole path, in a real browser: a reader posts on the fixture site (JavaScript off, then on), the
 * moderator approves with the CLI, the site is rebuilt, and the comment is under the article. Hostile
 * comments that pass the receiver render as inert text.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../src/config/options.ts';
import { cliSource, removeTempDirs, SECRET, startReceiver, tempDir } from './helpers/receiver.ts';
import { buildSite, fixtureDist, preparePackage, serveStatic } from './helpers/site.ts';

const POST_ID = 'روسيا-سوريا';
const POST_PATH = `/${encodeURIComponent(POST_ID)}/`;

let commentsDir = '';
let site: Awaited<ReturnType<typeof serveStatic>>;
let receiverPort = 0;
let browser: Browser;
let buildOutput = '';
/** What beforeAll started, to be stopped last first by afterAll; beforeAll may have failed half-way. */
const teardown: (() => Promise<unknown>)[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

const build = () =>
  buildSite({
    FIXTURE_ORIGIN: site.origin,
    FIXTURE_ENDPOINT: `http://127.0.0.1:${receiverPort}/`,
    FIXTURE_COMMENTS_DIR: commentsDir,
    FIXTURE_FLOOD_SECONDS: '1',
    KHABAR_COMMENTS_SECRET: SECRET,
  });

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliSource, ...args, '--dir', commentsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(output));
    });
  });
}

/** The pending comments' ids, from whichever store the fixture's build chose (a new site: SQLite). */
async function pendingIds(): Promise<string[]> {
  return (JSON.parse(await cli(['list', '--json'])) as { id: string }[]).map((c) => c.id);
}

async function articleDocument() {
  return parseHTML(await readFile(join(fixtureDist, decodeURIComponent(POST_PATH), 'index.html'), 'utf8'))
    .document;
}

beforeAll(async () => {
  await preparePackage();
  commentsDir = await tempDir('site');
  teardown.push(removeTempDirs);
  await rm(fixtureDist, { recursive: true, force: true });
  site = await serveStatic(fixtureDist);
  teardown.push(() => site.close());
  receiverPort = await freePort();
  buildOutput = await build();
  const receiver = await startReceiver(commentsDir, ['--port', String(receiverPort)]);
  teardown.push(() => receiver.stop());
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  teardown.push(() => browser.close());
});

afterAll(async () => {
  for (const step of teardown.toReversed()) await step();
});

/** A fresh page that dismisses and records every dialog: an executed script would show up there. */
async function pageRecordingDialogs() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { context, page, dialogs };
}

describe('the fixture site with khabar-comments', () => {
  it('tells the receiver which posts take comments (site.json)', async () => {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(commentsDir, 'site.json'), 'utf8')));
    expect(manifest.origins).toEqual([site.origin]);
    expect(manifest.posts).toEqual([
      expect.objectContaining({ id: 'archive', url: '/archive/', closed: true }),
      expect.objectContaining({
        id: POST_ID,
        url: POST_PATH,
        title: 'لافروف: روسيا تحترم سيادة سوريا',
        closed: false,
      }),
    ]);
    // The list is the receiver's: the route that computed it is not left in the site.
    expect(await stat(join(fixtureDist, '_khabar-comments')).catch(() => null)).toBeNull();
    expect(buildOutput).not.toContain('`posts` is not set');
  });

  it('renders the form with the WordPress Arabic strings, and a closed post without it', async () => {
    const document = await articleDocument();
    expect(document.querySelector('#reply-title [data-khabar-title]')?.textContent).toBe('اترك تعليقاً');
    expect(document.querySelector('#email-notes')?.textContent).toBe('لن يتم نشر عنوان بريدك الإلكتروني.');
    expect(document.querySelector('#commentform')?.getAttribute('action')).toBe(
      `http://127.0.0.1:${receiverPort}/`,
    );
    expect(document.querySelector('input[name=khabar_token]')?.getAttribute('value')).toMatch(/^s\./);
    expect(document.querySelector('.khabar-comments__title')?.textContent).toBe('لا توجد تعليقات');
    const archive = parseHTML(await readFile(join(fixtureDist, 'archive/index.html'), 'utf8')).document;
    expect(archive.querySelector('.khabar-comments__closed')?.textContent).toBe('التعليقات مغلقة.');
    expect(archive.querySelector('form')).toBeNull();
  });

  it('ships the enhancement script within 3 kB gzip, as a cached file and not inline', async () => {
    const html = await readFile(join(fixtureDist, decodeURIComponent(POST_PATH), 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    const scripts = [...document.querySelectorAll('script')];
    let code = '';
    for (const script of scripts) {
      const src = script.getAttribute('src');
      code += src ? await readFile(join(fixtureDist, src), 'utf8') : script.textContent;
    }
    expect(code).toContain('khabar-comments:details');
    // Astro would inline a script this small (under Vite's assetsInlineLimit) into every article.
    const files = scripts.filter((s) => s.hasAttribute('src'));
    expect(files.map((s) => s.getAttribute('type'))).toEqual(['module']);
    expect(files[0]?.getAttribute('src')).toMatch(/^\/_astro\/[\w.-]+\.[\w-]{8}\.js$/);
    expect(scripts.filter((s) => s.textContent.includes('khabar-comments:details'))).toEqual([]);
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`enhancement script: ${code.length} bytes, ${gzipped} bytes gzip`);
    expect(gzipped).toBeLessThanOrEqual(3072);
  });

  it('JavaScript off: a plain POST, a redirect back showing the pending notice; approved and rebuilt, it is on the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${POST_PATH}`);
    expect(await page.locator('#khabar-pending').isVisible()).toBe(false);
    await page.fill('#comment', 'تعليق بلا جافاسكربت، مع **تأكيد**.');
    await page.fill('#author', 'سارة');
    await page.fill('#email', 'sara@example.com');
    await Promise.all([page.waitForURL(/#khabar-pending$/), page.click('#commentform [type=submit]')]);
    expect(page.url()).toBe(`${site.origin}${POST_PATH}#khabar-pending`);
    expect(await page.locator('#khabar-pending').isVisible()).toBe(true);
    expect(await page.locator('#khabar-pending').textContent()).toBe('تعليقك في انتظار المراجعة.');
    await context.close();

    const [id] = await pendingIds();
    expect(id).toBeDefined();
    // The build never sees a pending comment.
    await build();
    expect((await articleDocument()).querySelector(`#comment-${id ?? ''}`)).toBeNull();

    expect(await cli(['approve', id ?? ''])).toContain('approved');
    await build();
    const document = await articleDocument();
    const item = document.querySelector(`#comment-${id ?? ''}`);
    expect(item?.querySelector('bdi')?.textContent).toBe('سارة');
    expect(item?.querySelector('.khabar-comment__content p')?.getAttribute('dir')).toBe('auto');
    expect(item?.querySelector('strong')?.textContent).toBe('تأكيد');
    expect(item?.querySelector('time')?.textContent).toMatch(/[٠-٩]/);
    // The machine-readable instant carries the newsroom's offset (Damascus, +03:00), as the articles' do.
    expect(item?.querySelector('time')?.getAttribute('datetime')).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+03:00$/,
    );
    expect(document.querySelector('.khabar-comments__title')?.textContent).toBe('تعليق واحد');
    expect(document.body.innerHTML).not.toContain('sara@example.com');
    const index = parseHTML(await readFile(join(fixtureDist, 'index.html'), 'utf8')).document;
    expect(index.querySelector(`a.khabar-comment-count[href="${POST_PATH}#comments"]`)?.textContent).toBe(
      'تعليق واحد',
    );
  });

  it('JavaScript off: a comment\'s "رد" opens the receiver\'s reply page for that comment', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${POST_PATH}`);
    const item = page.locator('.khabar-comment').first();
    const parent = ((await item.getAttribute('id')) ?? '').replace(/^comment-/, '');
    const reply = item.locator('.khabar-comment__reply');
    expect(await reply.getAttribute('aria-label')).toBe('رد على سارة');
    await Promise.all([page.waitForURL(/\/reply\?/), reply.click()]);
    const url = new URL(page.url());
    expect(`${url.origin}${url.pathname}`).toBe(`http://127.0.0.1:${receiverPort}/reply`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ post: POST_ID, parent });
    expect(await page.locator('[name=comment_parent]').inputValue()).toBe(parent);
    expect(await page.locator('[name=comment_post_ID]').inputValue()).toBe(POST_ID);
    await context.close();
  });

  it("the receiver's reply page (JavaScript off) carries the same form as the article", async () => {
    const article = await articleDocument();
    const parent = article.querySelector('.khabar-comment')?.id.replace(/^comment-/, '') ?? '';
    const response = await fetch(
      `http://127.0.0.1:${receiverPort}/reply?post=${encodeURIComponent(POST_ID)}&parent=${parent}`,
    );
    expect(response.status).toBe(200);
    const reply = parseHTML(await response.text()).document;
    const controls = (doc: typeof reply) =>
      [...doc.querySelectorAll('#commentform [name]')].map(
        (c) => `${c.tagName}#${c.id}[${c.getAttribute('name')}]`,
      );
    expect(controls(reply)).toEqual(controls(article));
    expect(reply.querySelector('#commentform')?.className).toBe(
      article.querySelector('#commentform')?.className,
    );
    expect(reply.querySelector('[name=comment_parent]')?.getAttribute('value')).toBe(parent);
  });

  it('JavaScript on: replies in place, remembers details only after consent; approved and rebuilt, the reply is threaded', async () => {
    const { context, page, dialogs } = await pageRecordingDialogs();
    await page.goto(`${site.origin}${POST_PATH}`);
    const parent = await page.locator('.khabar-comment').first().getAttribute('id');
    expect(await page.locator('#wp-comment-cookies-consent').isVisible()).toBe(true);
    await page.locator('.khabar-comment__reply').first().click();
    expect(await page.locator('#reply-title [data-khabar-title]').textContent()).toBe('اترك رداً على سارة');
    expect(await page.locator(`#${parent ?? ''} #respond`).count()).toBe(1);
    expect(await page.locator('[data-khabar-cancel]').isVisible()).toBe(true);
    await page.fill('#comment', 'ردّ مع جافاسكربت');
    await page.fill('#author', 'Omar عمر');
    await page.fill('#email', 'omar@example.com');
    await page.check('#wp-comment-cookies-consent');
    // A person takes a few seconds; the receiver refuses a live token younger than three.
    await page.waitForTimeout(3500);
    await page.click('#commentform [type=submit]');
    await page.waitForSelector('.khabar-comment--pending');
    expect(await page.locator('[data-khabar-status]').textContent()).toBe('تعليقك في انتظار المراجعة.');
    expect(page.url()).toBe(`${site.origin}${POST_PATH}`);
    expect(await page.locator(`#${parent ?? ''} .khabar-comment--pending bdi`).textContent()).toBe(
      'Omar عمر',
    );
    expect(await page.locator('#comment').inputValue()).toBe('');

    // Remembered because the reader consented.
    await page.reload();
    expect(await page.locator('#author').inputValue()).toBe('Omar عمر');
    expect(await page.locator('#wp-comment-cookies-consent').isChecked()).toBe(true);
    expect(dialogs).toEqual([]);
    await context.close();

    const [id] = await pendingIds();
    await cli(['approve', id ?? '']);
    await build();
    const document = await articleDocument();
    expect(
      document.querySelector(`#${parent ?? ''} > .khabar-comments__children #comment-${id ?? ''} bdi`)
        ?.textContent,
    ).toBe('Omar عمر');
    expect(document.querySelector('.khabar-comments__title')?.textContent).toBe('تعليقان');
  });

  it('without consent, nothing is remembered', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${POST_PATH}`);
    await page.fill('#comment', 'تعليق دون حفظ البيانات');
    await page.fill('#author', 'ليلى');
    await page.fill('#email', 'layla@example.com');
    await page.waitForTimeout(3500);
    await page.click('#commentform [type=submit]');
    await page.waitForSelector('.khabar-comment--pending');
    expect(await page.evaluate(() => localStorage.getItem('khabar-comments:details'))).toBeNull();
    await context.close();
  });

  it('hostile comments that pass the receiver render as inert text (checked in Chromium)', async () => {
    const payloads = [
      // A name that is markup is refused by the receiver; these break out of attributes and entities.
      { author: '" onmouseover="window.__pwned=1" x="', comment: '<script>window.__pwned=2</script>' },
      {
        author: "' autofocus onfocus='window.__pwned=3' &lt;svg&gt;",
        comment: '[اضغط هنا](javascript:window.__pwned=4)',
      },
      {
        author: 'x',
        comment: '[a](JaVaScRiPt:window.__pwned=5) [b](data:text/html,<script>window.__pwned=6</script>)',
      },
      {
        author: 'y',
        comment: '**<img src=x onerror=window.__pwned=7>** `<iframe src=javascript:window.__pwned=8>`',
        url: 'https://example.com/"onmouseover="window.__pwned=9',
      },
      {
        author: 'z',
        comment:
          '![img](https://example.com/x.png) <a href="javascript:window.__pwned=10">x</a> <style>body{display:none}</style>',
      },
    ];
    const tokenResponse = await fetch(
      `http://127.0.0.1:${receiverPort}/token?post=${encodeURIComponent(POST_ID)}`,
    );
    const { token } = (await tokenResponse.json()) as { token: string };
    await new Promise((r) => setTimeout(r, 3500));
    let n = 0;
    for (const payload of payloads) {
      n++;
      const response = await fetch(`http://127.0.0.1:${receiverPort}/`, {
        method: 'POST',
        headers: { origin: site.origin, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          email: `h${n}@example.com`,
          comment_post_ID: POST_ID,
          khabar_token: token,
          ...payload,
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      await new Promise((r) => setTimeout(r, 1100));
    }
    await cli(['approve', ...(await pendingIds())]);
    await build();

    const { context, page, dialogs } = await pageRecordingDialogs();
    await page.goto(`${site.origin}${POST_PATH}`);
    await page.locator('.khabar-comment').last().hover();
    for (const link of await page.locator('.khabar-comment__content a, .khabar-comment__author a').all())
      await link.hover();
    const report = await page.evaluate(() => {
      const list = document.querySelector('.khabar-comments__list');
      const elements = list ? [...list.querySelectorAll('*')] : [];
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        scripts: list?.querySelectorAll('script, iframe, img, style, object, embed, form').length ?? -1,
        handlers: elements.flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
        hrefs: [...(list?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? ''),
        names: [...(list?.querySelectorAll('.khabar-comment__author bdi') ?? [])].map((b) => b.textContent),
        count: list?.querySelectorAll('.khabar-comment').length ?? 0,
      };
    });
    expect(report.pwned).toBeNull();
    expect(dialogs).toEqual([]);
    expect(report.scripts).toBe(0);
    expect(report.handlers).toEqual([]);
    for (const href of report.hrefs) expect(href).toMatch(/^(https?:\/\/|#comment-)/);
    expect(report.names).toContain('" onmouseover="window.__pwned=1" x="');
    expect(report.names).toContain("' autofocus onfocus='window.__pwned=3' &lt;svg&gt;");
    expect(report.count).toBeGreaterThanOrEqual(7);
    await context.close();
  });
});
