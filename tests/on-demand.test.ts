/**
 * The example newsroom as `pnpm start:server` runs it: built for @astrojs/node with
 * `rendering.prerender: 'recent'` (no story built ahead), served by the built Node server. Checks pages
 * rendered on request — the seed story, a section's page 3, a tag's pages, the archive — the feeds and
 * sitemaps, their cache headers, and that a story rendered on request is the page a static build writes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { publishedStories } from './helpers/newsroom.ts';
import { exampleDist, exampleRoot, tmpRoot } from './helpers/paths.ts';
import { cacheTags, sMaxAge, startNodeServer, type NodeServer } from './helpers/node-server.ts';
import { EN_SEED_PATH, fileForPath, SEED_PATH } from './helpers/site.ts';

const outDir = join(tmpRoot, 'example-server');
let server: NodeServer | undefined;

function get(path: string) {
  if (!server) throw new Error('the server is not running');
  return server.get(path);
}
const tags = cacheTags;

beforeAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await buildOrThrow(exampleRoot, ['--outDir', outDir], { KHABAR_EXAMPLE_SERVER: '1' });
  // The comment forms' time tokens are signed when a page renders: the server needs the secret, as
  // `pnpm start:server` gives it.
  server = await startNodeServer(join(outDir, 'server', 'entry.mjs'), {
    cwd: exampleRoot,
    env: { KHABAR_COMMENTS_SECRET: 'a secret for the on-demand test' },
  });
}, 600_000);

afterAll(async () => {
  server?.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('the example on its Node server (pnpm start:server)', () => {
  it('builds no story ahead: the seed story is rendered on request', async () => {
    expect(existsSync(fileForPath(join(outDir, 'client'), SEED_PATH))).toBe(false);
    expect(existsSync(join(outDir, 'client', 'index.html'))).toBe(true);
    const { status, headers, text } = await get(SEED_PATH);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    const { document } = parseHTML(text);
    expect(document.querySelector('h1')?.textContent).toContain('روسيا');
    // Its approved comments are part of the page, and its form carries a token signed now.
    expect(document.querySelectorAll('.khabar-comments__list li').length).toBeGreaterThan(0);
    expect(document.querySelector('input[name="khabar_token"]')?.getAttribute('value')).toMatch(/^s\.\d+\./);
  });

  it('gives a story a long CDN lifetime and tags naming the story, its section, tags and authors', async () => {
    const { headers } = await get(SEED_PATH);
    const cacheControl = headers.get('cache-control') ?? '';
    expect(cacheControl).toMatch(/\bpublic\b/);
    expect(sMaxAge(headers)).toBe(86_400);
    expect(cacheControl).toMatch(/stale-while-revalidate=604800/);
    const named = tags(headers);
    expect(named).toContain('story:روسيا-تطالب-الغرب-بإحترام-السيادة-السورية');
    expect(named).toContain('section:politics');
    expect(named.some((tag) => tag.startsWith('tag:'))).toBe(true);
    expect(named.some((tag) => tag.startsWith('author:'))).toBe(true);
    // The same keys, space-separated, for CDNs that read Surrogate-Key.
    expect((headers.get('surrogate-key') ?? '').split(' ').map(decodeURIComponent)).toEqual(named);
  });

  it('serves the same page a static build writes for the story', async () => {
    const { text } = await get(SEED_PATH);
    const built = await readFile(fileForPath(exampleDist, SEED_PATH), 'utf8');
    const onDemand = await pageParts(text, (href) => get(href).then((r) => r.text));
    const prerendered = await pageParts(built, (href) => readFile(join(exampleDist, href), 'utf8'));
    expect(onDemand.body).toBe(prerendered.body);
    expect(onDemand.head).toEqual(prerendered.head);
    expect(onDemand.cssRules).toEqual(prerendered.cssRules);
  });

  it('renders the English edition’s stories on request, the same page the static build writes', async () => {
    const { status, text } = await get(EN_SEED_PATH);
    expect(status).toBe(200);
    const { document } = parseHTML(text);
    expect([
      document.documentElement.getAttribute('lang'),
      document.documentElement.getAttribute('dir'),
    ]).toEqual(['en', 'ltr']);
    expect(document.querySelector('link[hreflang="ar-SY"]')?.getAttribute('href')).toMatch(
      /\/politics\/%D8%B1/,
    );
    const built = await readFile(fileForPath(exampleDist, EN_SEED_PATH), 'utf8');
    const onDemand = await pageParts(text, (href) => get(href).then((r) => r.text));
    const prerendered = await pageParts(built, (href) => readFile(join(exampleDist, href), 'utf8'));
    expect(onDemand.body).toBe(prerendered.body);
    expect(onDemand.head).toEqual(prerendered.head);
    // The edition's archive is rendered on request, in its language, listing its stories only.
    const archive = await get('/en/archive/2016/12/');
    expect(archive.status).toBe(200);
    const month = parseHTML(archive.text).document;
    expect(month.documentElement.getAttribute('lang')).toBe('en');
    const links = [...month.querySelectorAll('main a[href*="/politics/"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain(EN_SEED_PATH);
    expect(links.every((href) => href?.startsWith('/en/'))).toBe(true);
  });

  it('renders a story with a picture in its text as the static build does, the picture optimised', async () => {
    // The content layer renders this story (its picture needs Astro's image pipeline); the seed story,
    // with none, is rendered from its file by its page. Both ways must give the static build's page.
    const path = '/politics/خطة-ترشيد-المياه-في-الياسمين/';
    const { status, text } = await get(path);
    expect(status).toBe(200);
    const picture = parseHTML(text).document.querySelector('.khabar-prose img[alt^="رسم بياني"]');
    // Rendered on request, a picture is named by Astro's image endpoint, which makes it when first asked.
    const src = picture?.getAttribute('src') ?? '';
    expect(src).toMatch(/^\/_image\?href=%2F_astro%2Fwater-saving-plan-chart\.[\w-]+\.jpg&.*f=webp/);
    const image = await fetch(`${server?.origin ?? ''}${src}`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
    const built = await readFile(fileForPath(exampleDist, path), 'utf8');
    const onDemand = await pageParts(text, (href) => get(href).then((r) => r.text));
    const prerendered = await pageParts(built, (href) => readFile(join(exampleDist, href), 'utf8'));
    expect(onDemand.body).toBe(prerendered.body);
  });

  it("renders a section's page 3 on request, tagged with the section and its story", async () => {
    const { status, headers, text } = await get('/economy/pages/3/');
    expect(status).toBe(200);
    const { document } = parseHTML(text);
    expect(document.querySelectorAll('.khabar-story-list a, .khabar-card a').length).toBeGreaterThan(0);
    expect(sMaxAge(headers)).toBeLessThanOrEqual(600);
    expect(tags(headers)).toContain('section:economy');
    expect(tags(headers).filter((tag) => tag.startsWith('story:'))).toHaveLength(1);
  });

  it('answers the old address of a later page with a redirect to the page that holds its story', async () => {
    // One story a page here: the old page 3 showed the section's third newest story.
    const old = await get('/economy/page/3/');
    expect(old.status).toBe(301);
    const location = old.headers.get('location') ?? '';
    expect(location).toMatch(/^\/economy\/pages\/\d+\/$/);
    const section = parseHTML((await get('/economy/')).text).document;
    const newest = section.querySelector('main .khabar-card__title a')?.getAttribute('href');
    const led = parseHTML((await get(location)).text).document;
    const shown = led.querySelector('main .khabar-card__title a')?.getAttribute('href');
    expect(shown).not.toBe(newest);
    // The page it leads to is one of the numbered pages, and says so in its own navigation.
    const numbers = [...led.querySelectorAll('.khabar-pagination__number')].map((a) =>
      a.getAttribute('href'),
    );
    expect(numbers).toContain(location);
    expect((await get('/economy/page/99/')).status).toBe(404);
  });

  it("builds a tag's first page ahead and renders its later pages on request", async () => {
    const seed = parseHTML(await readFile(fileForPath(exampleDist, SEED_PATH), 'utf8')).document;
    const tagLink = seed.querySelector('a[href^="/tags/"]')?.getAttribute('href') ?? '';
    expect(tagLink).not.toBe('');
    expect(existsSync(fileForPath(join(outDir, 'client'), tagLink))).toBe(true);
    const first = await get(tagLink);
    expect(first.status).toBe(200);
    const tag = decodeURIComponent(tagLink.split('/')[2] ?? '');
    expect(parseHTML(first.text).document.querySelector('h1')?.textContent).toContain(tag);
    const later = await get(`${tagLink}pages/1/`);
    // Every tag of the seed story that has a second story has a page 2; one with a single story has none.
    expect([200, 404]).toContain(later.status);
    if (later.status === 200) expect(tags(later.headers)).toContain(`tag:${tag}`);
  });

  it("draws a story's social card on request, as a cached PNG", async () => {
    const story = await get('/politics/storm-schools-closed/');
    const card = /property="og:image" content="https:\/\/khabar\.example(\/og\/[^"]+\.png)"/.exec(
      story.text,
    )?.[1];
    expect(card).toBe('/og/storm-schools-closed.png');
    const response = await fetch(`${server?.origin ?? ''}${card ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(cacheTags(response.headers)).toContain('story:storm-schools-closed');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('renders the date archive on request and answers an unknown story with the 404 page, briefly cached', async () => {
    const month = await get('/archive/2016/11/');
    expect(month.status).toBe(200);
    const missing = await get('/politics/no-such-story/');
    expect(missing.status).toBe(404);
    expect(parseHTML(missing.text).document.querySelector('.khabar-not-found')).not.toBeNull();
    expect(sMaxAge(missing.headers)).toBeLessThanOrEqual(60);
  });

  it('renders live coverage, the opinion page and the live file on request, and no scheduled story', async () => {
    const live = await get('/politics/storm-live/');
    expect(live.status).toBe(200);
    const updates = parseHTML(live.text).document.querySelectorAll('.khabar-live-update');
    const file = await get('/live/storm-live.json');
    expect(file.status).toBe(200);
    const data = JSON.parse(file.text) as { updates: { id: string }[] };
    expect(data.updates.map((u) => u.id)).toEqual([...updates].map((u) => u.id));
    expect(updates.length).toBeGreaterThanOrEqual(6);
    expect((await get('/opinion/')).status).toBe(200);
    expect((await get('/politics/metro-opening-scheduled/')).status).toBe(404);
  });

  it('keeps the feeds and sitemaps complete, though no story was built', async () => {
    const feed = await get('/rss.xml');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`https://khabar.example${SEED_PATH}`);
    const sectionFeed = await get('/politics/rss.xml');
    expect(sectionFeed.status).toBe(200);
    expect(sectionFeed.text).toContain(`https://khabar.example${SEED_PATH}`);
    // The server's search index holds every story, though none has a built page.
    expect(indexedStories('stories.sqlite')).toBe((await publishedStories()).length);
    const sitemap = await readFile(join(outDir, 'client', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://khabar.example${SEED_PATH}</loc>`);
    expect(sitemap).toContain('<loc>https://khabar.example/economy/pages/3/</loc>');
    expect(sitemap).not.toContain('/page/');
    // The news sitemap follows the clock: rendered on request, kept a minute at most.
    const news = await get('/news-sitemap.xml');
    expect(news.status).toBe(200);
    expect(sMaxAge(news.headers)).toBeLessThanOrEqual(60);
  });
});

describe('the search page, answered on the server (search: server)', () => {
  it('builds an SQLite index per edition beside the server, and no Pagefind index', () => {
    expect(existsSync(join(outDir, 'client', 'pagefind'))).toBe(false);
    expect(existsSync(join(outDir, 'client', '_khabar', 'search-index.json'))).toBe(false);
    expect(indexedStories('stories-en.sqlite')).toBeGreaterThan(0);
  });

  it('finds the seed story by its words however they are spelled, with or without diacritics and prefixes', async () => {
    for (const query of ['روسيا', 'رُوسْيا', 'وروسيا', 'الإرهاب', 'الارهاب', 'والارهاب']) {
      const { document } = parseHTML((await get(`/search/?q=${encodeURIComponent(query)}`)).text);
      const links = [...document.querySelectorAll('.khabar-search__result a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(links, query).toContain(SEED_PATH);
    }
  });

  it('answers as plain HTML: the count, the query in the box, the matched words marked, briefly cached', async () => {
    const page = await get(`/search/?q=${encodeURIComponent('روسيا')}`);
    expect(page.status).toBe(200);
    const { document } = parseHTML(page.text);
    expect(document.querySelector('.khabar-search__status')?.textContent).toMatch(/نتائج البحث عن «روسيا»/);
    expect(document.querySelector<HTMLInputElement>('input[name="q"]')?.getAttribute('value')).toBe('روسيا');
    expect(
      [...document.querySelectorAll('.khabar-search__description mark')].map((m) => m.textContent),
    ).toContain('روسيا');
    expect(document.querySelectorAll('script[src*="pagefind"]').length).toBe(0);
    expect(sMaxAge(page.headers)).toBeLessThanOrEqual(60);
    expect(page.headers.get('cache-control')).toContain('stale-while-revalidate');
  });

  it('says when nothing matched, and pages through many results without repeating one', async () => {
    const none = parseHTML((await get(`/search/?q=${encodeURIComponent('زقزقةمستحيلة')}`)).text).document;
    expect(none.querySelector('.khabar-search__status')?.textContent).toContain('لم نعثر');
    expect(none.querySelectorAll('.khabar-search__result').length).toBe(0);
    const urls = async (path: string) =>
      [...parseHTML((await get(path)).text).document.querySelectorAll('.khabar-search__result h2 a')].map(
        (a) => a.getAttribute('href'),
      );
    const q = encodeURIComponent('في');
    const first = await urls(`/search/?q=${q}`);
    expect(first.length).toBe(20);
    const { document } = parseHTML((await get(`/search/?q=${q}`)).text);
    const next = document.querySelector('.khabar-search-pages a[rel="next"]')?.getAttribute('href');
    expect(next).toBe(`/search/?q=${q}&page=2`);
    const second = await urls(next ?? '');
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((url) => first.includes(url))).toEqual([]);
    // A page past the last shows no results and links back to the last page that has some.
    const past = parseHTML((await get(`/search/?q=${q}&page=500`)).text).document;
    expect(past.querySelectorAll('.khabar-search__result').length).toBe(0);
    const back = past.querySelector('.khabar-search-pages a[rel="prev"]')?.getAttribute('href') ?? '';
    expect(back).toMatch(new RegExp(`^/search/\\?q=${q}(&page=\\d+)?$`));
    expect((await urls(back)).length).toBeGreaterThan(0);
    expect(past.querySelector('.khabar-search-pages a[rel="next"]')).toBeNull();
  });

  it("searches an edition's own index on its own search page", async () => {
    const { document } = parseHTML((await get('/en/search/?q=water')).text);
    const links = [...document.querySelectorAll('.khabar-search__result h2 a')].map(
      (a) => a.getAttribute('href') ?? '',
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((url) => url.startsWith('/en/'))).toBe(true);
    const arabic = parseHTML((await get(`/en/search/?q=${encodeURIComponent('روسيا')}`)).text).document;
    expect(arabic.querySelectorAll('.khabar-search__result').length).toBe(0);
  });
});

/**
 * How many stories an edition's index of the server's search holds (`dist/server/khabar-search/`):
 * `stories.sqlite` and the parts written beside it (`stories.1.sqlite`…).
 */
function indexedStories(file: string): number {
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  const folder = join(outDir, 'server', 'khabar-search');
  const stem = file.replace(/\.sqlite$/, '');
  const parts = readdirSync(folder).filter(
    (name) => name === file || new RegExp(`^${stem}\\.\\d+\\.sqlite$`).test(name),
  );
  expect(parts).toContain(file);
  let stories = 0;
  for (const part of parts) {
    const db = new DatabaseSync(join(folder, part), { readOnly: true });
    try {
      stories += (db.prepare('SELECT count(*) AS n FROM khabar_stories').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return stories;
}

/** A CSS text as the set of its rules (selector and declarations), whichever file holds them. */
function cssRules(css: string): string[] {
  const rules = new Set<string>();
  for (const match of css.replace(/@layer[^{;]+\{/g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    rules.add(`${(match[1] ?? '').trim()}{${(match[2] ?? '').trim()}}`);
  }
  return [...rules].sort();
}

/**
 * An image URL as the page means it: the picture and the format. A page built ahead names a
 * transformed file (`/_astro/x.HASH_VARIANT.webp`); one rendered on request names Astro's image endpoint
 * (`/_image?href=%2F_astro%2Fx.HASH.jpg&w=…&f=webp`) — the same picture at the same size (the srcset
 * descriptors and width attributes stay), made when first asked for.
 */
function sameImages(html: string): string {
  return (
    html
      // The comment form's token is signed with the time it was rendered at.
      .replace(/(name="khabar_token" value=")[^"]*"/g, '$1…"')
      .replace(
        /\/_image\?href=%2F_astro%2F([\w-]+\.[\w-]+)\.\w+((?:(?:&amp;|\\u0026|&)\w+=[\w%.-]+)*)/g,
        (_, name: string, query: string) => `image:${name}.${/f=(\w+)/.exec(query)?.[1] ?? ''}`,
      )
      .replace(/\/_astro\/([\w-]+\.[\w-]{8})_[\w-]+\.(\w+)/g, 'image:$1.$2')
  );
}

/** A page's body, its head without stylesheets, and the CSS rules it applies (inline and linked). */
async function pageParts(html: string, fetchCss: (href: string) => Promise<string>) {
  const { document } = parseHTML(sameImages(html));
  let css = '';
  for (const style of document.querySelectorAll('head style')) {
    css += style.textContent;
    style.remove();
  }
  for (const link of document.querySelectorAll('head link[rel="stylesheet"]')) {
    css += await fetchCss(link.getAttribute('href') ?? '');
    link.remove();
  }
  return {
    body: document.body.outerHTML,
    head: [...document.head.children].map((element) => element.outerHTML),
    cssRules: cssRules(css),
  };
}
