/**
 * The built example is valid: every HTML page passes html-validate (recommended + a11y rules), every
 * JSON-LD block parses, and every internal link and asset reference resolves to a file in dist/.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDist } from '../helpers/browser.ts';

const SITE = 'https://khabar.example';

const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ['html-validate:recommended', 'html-validate:a11y'],
    rules: {
      // Story lists drop their bullets (`list-style: none`), which makes Safari/VoiceOver drop the list
      // semantics; `role="list"` puts them back. Redundant to a validator, not to a screen-reader user.
      'no-redundant-role': 'off',
      // HTML allows any non-space characters in ids; Markdown headings give Arabic ids (تبديلات-…), which
      // the strict mode (ASCII letters only) would reject.
      'valid-id': ['error', { relaxed: true }],
      // A headline is the author's words and the theme does not cut it; search engines truncate what they
      // show. Still catch a runaway title (a whole paragraph in `title:`).
      'long-title': ['error', { maxlength: 140 }],
    },
  }),
);

interface Page {
  /** The site path, e.g. `/politics/…/`. */
  path: string;
  file: string;
  html: string;
}

let pages: Page[] = [];

/** The site path a dist file is served at. */
function sitePath(file: string): string {
  const rel = relative(siteDist, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Whether a site path (percent-encoded, as written in HTML) resolves to a file of the build. */
function resolves(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const target = join(siteDist, decoded);
  if (!target.startsWith(siteDist.replace(/[\\/]$/, ''))) return false;
  if (!existsSync(target)) return false;
  return statSync(target).isFile() || existsSync(join(target, 'index.html'));
}

beforeAll(async () => {
  const files = (await readdir(siteDist, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(siteDist, f))
    .sort();
  pages = await Promise.all(
    files.map(async (file) => ({ file, path: sitePath(file), html: await readFile(file, 'utf8') })),
  );
});

describe('the built site', () => {
  it('has every kind of page', () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/');
    expect(paths).toContain('/404.html');
    expect(pages.length).toBeGreaterThan(20);
  });

  it('passes html-validate on every page', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.path);
      for (const message of report.results.flatMap((r) => r.messages)) {
        problems.push(
          `${decodeURIComponent(page.path)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('has JSON-LD that parses', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const { document } = parseHTML(page.html);
      for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
        try {
          const data: unknown = JSON.parse(script.textContent);
          if (typeof data !== 'object' || data === null)
            problems.push(`${page.path}: JSON-LD is not an object`);
        } catch (error) {
          problems.push(`${page.path}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('links only to pages, assets and fragments that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const { document } = parseHTML(page.html);
      const base = new URL(page.path, SITE);
      const references: string[] = [];
      for (const el of document.querySelectorAll('[href]')) references.push(el.getAttribute('href') ?? '');
      for (const el of document.querySelectorAll('[src]')) references.push(el.getAttribute('src') ?? '');
      for (const el of document.querySelectorAll('[srcset]')) {
        for (const candidate of (el.getAttribute('srcset') ?? '').split(','))
          references.push(candidate.trim().split(/\s+/)[0] ?? '');
      }
      for (const el of document.querySelectorAll(
        'meta[property^="og:"][content^="http"], meta[property^="og:"][content^="/"]',
      )) {
        if (/^og:(url|image)$/.test(el.getAttribute('property') ?? ''))
          references.push(el.getAttribute('content') ?? '');
      }
      const ids = new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id')));
      for (const reference of references) {
        if (!reference || /^(mailto|tel|data|javascript):/i.test(reference)) continue;
        const url = new URL(reference, base);
        if (url.origin !== SITE) continue;
        const samePage = url.pathname === base.pathname;
        if (samePage && url.hash) {
          if (!ids.has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${page.path} → ${reference} (no such id)`);
          continue;
        }
        if (!resolves(url.pathname))
          broken.push(`${decodeURIComponent(page.path)} → ${decodeURIComponent(reference)}`);
      }
    }
    expect([...new Set(broken)]).toEqual([]);
  });

  it('has stylesheets whose url() references exist', async () => {
    const broken: string[] = [];
    const sheets = (await readdir(join(siteDist, '_astro'), { recursive: true })).filter((f) =>
      f.endsWith('.css'),
    );
    for (const sheet of sheets) {
      const css = await readFile(join(siteDist, '_astro', sheet), 'utf8');
      for (const [, raw] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        if (!raw || raw.startsWith('data:') || raw.startsWith('#')) continue;
        const url = new URL(raw, new URL(`/_astro/${sheet}`, SITE));
        if (url.origin === SITE && !resolves(url.pathname)) broken.push(`${sheet} → ${raw}`);
      }
    }
    // Inline <style> blocks too.
    for (const page of pages) {
      for (const [, raw] of page.html.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
        if (!raw || raw.startsWith('data:')) continue;
        const url = new URL(raw, new URL(page.path, SITE));
        if (url.origin === SITE && !resolves(url.pathname)) broken.push(`${page.path} → ${raw}`);
      }
    }
    expect([...new Set(broken)]).toEqual([]);
  });
});
