/**
 * No English on an Arabic page: every page of the built example whose `<html lang>` is Arabic is read —
 * its text and the attributes a reader meets (title, alt, aria-label, placeholder, a button's value, the
 * description and social meta) — and a Latin word is allowed only where Latin belongs: code (`code`,
 * `pre`, `kbd`, `samp`), anything marked `dir="ltr"`, URLs and addresses, and the words the newsroom's own
 * content wrote (a headline's «G20», a brand in a story, a commenter's name), taken from the content
 * files themselves. What is left is the theme speaking English: a UI string that leaked.
 *
 * Pages of another language (an English edition under /en/) are skipped.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { dist } from './helpers/newsroom.ts';
import { exampleRoot } from './helpers/paths.ts';

/** Runs of Latin letters (with an inner apostrophe or hyphen, as in "don't", "e-mail"). */
const LATIN_WORD = /\p{Script=Latin}+(?:['’-]\p{Script=Latin}+)*/gu;
/** URLs, addresses, domain names and file names, which are Latin by nature. */
const ADDRESS =
  /(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:[\w-]+\.)+(?:example|com|org|net|io|dev|app|me|xml|json|html|png|jpg|svg)\b\S*/giu;

/**
 * Names of formats the theme's strings write in Latin letters on purpose, as Arabic news sites do («خلاصة
 * RSS»): a name, not English.
 */
const FORMAT_NAMES = ['rss'];

/** Elements whose text is not the theme's words: code, scripts, styles, and what is marked left to right. */
const EXEMPT = 'code, pre, kbd, samp, script, style, svg, template, [dir="ltr"]';
/** The attributes a reader meets (read aloud, shown on hover, shown in an empty field). */
const READ_ATTRIBUTES = ['title', 'alt', 'aria-label', 'aria-description', 'placeholder', 'label'];
/** Meta tags whose content a reader sees (search results, social cards). */
const READ_META =
  'meta[name="description"], meta[property="og:title"], meta[property="og:description"], meta[property="og:site_name"], meta[property="og:image:alt"], meta[name="twitter:title"], meta[name="twitter:description"], meta[name="twitter:image:alt"], meta[name="application-name"], meta[name="apple-mobile-web-app-title"]';

async function files(dir: string, extensions: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && extensions.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/** The Latin words of a text, once its URLs and addresses are taken out. */
function latinWords(text: string): string[] {
  return text.replace(ADDRESS, ' ').match(LATIN_WORD) ?? [];
}

/** Every Latin word the newsroom's content wrote: stories, pages, authors, comments, the site's options. */
async function contentWords(): Promise<Set<string>> {
  const sources = [
    ...(await files(join(exampleRoot, 'src/content'), /\.(md|mdx|json|ya?ml)$/)),
    join(exampleRoot, 'sample-comments.json'),
    join(exampleRoot, 'astro.config.mjs'),
  ];
  const words = new Set<string>(FORMAT_NAMES);
  for (const file of sources) {
    for (const word of latinWords(await readFile(file, 'utf8'))) words.add(word.toLowerCase());
  }
  return words;
}

interface Leak {
  page: string;
  where: string;
  word: string;
  text: string;
}

/** The English a page shows that is not its content's: text outside exempt elements, read attributes, meta. */
function leaks(page: string, html: string, allowed: Set<string>): Leak[] {
  const { document } = parseHTML(html);
  for (const element of [...document.querySelectorAll(EXEMPT)]) element.remove();
  const found: Leak[] = [];
  const check = (where: string, text: string | null | undefined) => {
    for (const word of latinWords(text ?? '')) {
      if (!allowed.has(word.toLowerCase()))
        found.push({ page, where, word, text: (text ?? '').trim().slice(0, 120) });
    }
  };
  check('<title>', document.querySelector('title')?.textContent);
  // A feed's title shows in the reader's browser and feed reader.
  for (const link of document.querySelectorAll('head link[title]'))
    check('title of <link>', link.getAttribute('title'));
  for (const meta of document.querySelectorAll(READ_META)) {
    check(
      `<meta ${meta.getAttribute('name') ?? meta.getAttribute('property')}>`,
      meta.getAttribute('content'),
    );
  }
  const body = document.body;
  const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    check(`text in <${(node.parentNode as Element | null)?.tagName.toLowerCase() ?? '?'}>`, node.textContent);
  }
  for (const element of body.querySelectorAll('*')) {
    for (const name of READ_ATTRIBUTES) {
      if (element.hasAttribute(name))
        check(`${name} of <${element.tagName.toLowerCase()}>`, element.getAttribute(name));
    }
    if (element.tagName === 'INPUT' && /^(submit|button|reset)$/i.test(element.getAttribute('type') ?? '')) {
      check('value of <input>', element.getAttribute('value'));
    }
  }
  return found;
}

let pages: { page: string; html: string; lang: string }[] = [];
let allowed = new Set<string>();

beforeAll(async () => {
  allowed = await contentWords();
  pages = [];
  for (const file of await files(dist, /\.html$/)) {
    const page = `/${relative(dist, file)}`;
    if (page.startsWith('/pagefind/')) continue;
    const html = await readFile(file, 'utf8');
    const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? '';
    pages.push({ page, html, lang });
  }
});

describe('no English on an Arabic page', () => {
  it('reads every Arabic page of the example: the home page, stories, listings, search, 404', () => {
    const arabic = pages.filter((p) => /^ar\b/.test(p.lang));
    expect(arabic.length).toBeGreaterThan(20);
    for (const page of ['/index.html', '/search/index.html', '/404.html']) {
      expect(arabic.map((p) => p.page)).toContain(page);
    }
  });

  it('shows no Latin word outside code, left-to-right spans, URLs and the content’s own words', () => {
    const found = pages.filter((p) => /^ar\b/.test(p.lang)).flatMap((p) => leaks(p.page, p.html, allowed));
    // One line per word and place, with the first page it is on, so a leak reads as what to fix.
    const summary = [...new Map(found.map((leak) => [`${leak.word} ${leak.where}`, leak])).values()].map(
      (leak) => `${leak.word} — ${leak.where} on ${leak.page}: «${leak.text}»`,
    );
    expect(summary).toEqual([]);
  });

  it('catches a leak: an English string in a page’s attribute or text', () => {
    const html =
      '<html lang="ar"><head><title>خبر</title></head><body><button aria-label="Close">×</button><p>Footnotes</p><code>npm test</code><a href="https://x.example/">https://x.example/</a></body></html>';
    expect(leaks('/fixture', html, new Set()).map((leak) => leak.word)).toEqual(['Footnotes', 'Close']);
    expect(leaks('/fixture', html, new Set(['close', 'footnotes']))).toEqual([]);
  });
});
