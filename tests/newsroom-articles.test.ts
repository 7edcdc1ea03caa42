/**
 * What the built example adds around an article: related stories (never itself, shared tags first),
 * breadcrumbs, and the inline dark-mode script in the head.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, loadPage, publishedStories } from './helpers/newsroom.ts';
import { SEED_PATH } from './helpers/site.ts';

describe('article extras', () => {
  async function articlePaths(): Promise<string[]> {
    const out: string[] = [];
    for (const section of ['politics', 'economy', 'sports', 'culture', 'technology']) {
      for (const entry of await readdir(join(dist, section), { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'page' && entry.name !== 'pages')
          out.push(`/${section}/${encodeURIComponent(entry.name)}/`);
      }
    }
    return out;
  }

  it('never relates an article to itself, nor lists a story twice', async () => {
    const paths = await articlePaths();
    expect(paths.length).toBe((await publishedStories()).length);
    let withRelated = 0;
    for (const path of paths) {
      const { document } = await loadPage(path);
      const related = [...document.querySelectorAll('.khabar-related .khabar-story-links a')].map((a) =>
        a.getAttribute('href'),
      );
      const more = [...document.querySelectorAll('.khabar-more-from-section .khabar-story-links a')].map(
        (a) => a.getAttribute('href'),
      );
      expect(related, path).not.toContain(path);
      expect(more, path).not.toContain(path);
      expect(new Set([...related, ...more]).size, path).toBe(related.length + more.length);
      expect(related.length).toBeLessThanOrEqual(4);
      if (related.length) withRelated++;
    }
    expect(withRelated).toBeGreaterThan(paths.length / 2);
  });

  it('ranks stories that share tags first', async () => {
    // The metro story shares the tag "الياسمين" with three others, and its section with three more.
    const { document } = await loadPage(`/economy/${encodeURIComponent('metro-green-line')}/`);
    const first = document.querySelector('.khabar-related .khabar-story-links a')?.textContent ?? '';
    expect(first).toMatch(/الياسمين/);
  });

  it('shows breadcrumbs home › section › article', async () => {
    const { document } = await loadPage(SEED_PATH);
    const crumbs = [...document.querySelectorAll('.khabar-breadcrumbs li')].map((li) =>
      li.textContent.trim(),
    );
    expect(crumbs[0]).toBe('الرئيسية');
    expect(crumbs[1]).toBe('سياسة');
    expect(crumbs[2]).toContain('روسيا تطالب الغرب');
    expect(document.querySelector('.khabar-breadcrumbs [aria-current="page"]')).not.toBeNull();
  });

  it('carries the dark-mode script inline in the head, before the body, as its only head script', async () => {
    const { html } = await loadPage(SEED_PATH);
    const head = html.slice(0, html.indexOf('<body'));
    const script = /<script>([^<]*khabar-theme[^<]*)<\/script>/.exec(head)?.[1] ?? '';
    expect(script).not.toBe('');
    expect(new TextEncoder().encode(script).length).toBeLessThan(700);
    expect(head.match(/<script(?![^>]*json)[^>]*>/g)).toHaveLength(1);
  });
});
