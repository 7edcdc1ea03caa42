/**
 * The build's one clock: a fixture built at two instants shows the change in the breaking strip, the
 * Google News sitemap, the footer's year and the comment section's open or closed state — the theme and
 * khabar-comments read the same clock.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';

const fixture = new URL('./fixtures/clock/', import.meta.url);
const STORY = '/politics/ceasefire/';

/** Builds a copy of the fixture with KHABAR_BUILD_TIME set, and returns its output folder. */
async function buildAt(instant: string, name: string): Promise<string> {
  const root = join(tmpRoot, `clock-${name}-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await cp(fixture, root, { recursive: true });
  const result = await runAstro(root, ['build'], { KHABAR_BUILD_TIME: instant });
  if (result.code !== 0) throw new Error(result.output);
  return join(root, 'dist');
}

const page = async (dist: string, path: string) =>
  parseHTML(await readFile(join(dist, path, 'index.html'), 'utf8')).document;

describe('one clock for the whole build', () => {
  // An hour after the story, and a little over two years later.
  let soon = '';
  let later = '';
  beforeAll(async () => {
    soon = await buildAt('2016-12-01T15:20:00+02:00', 'soon');
    later = await buildAt('2019-01-15T12:00:00+02:00', 'later');
  });
  afterAll(async () => {
    for (const dist of [soon, later]) await rm(join(dist, '..'), { recursive: true, force: true });
  });

  it('the breaking strip shows the story only while it is breaking', async () => {
    const strip = (await page(soon, '/')).querySelector('.khabar-breaking-strip');
    expect(strip?.textContent).toContain('وقف إطلاق النار');
    expect((await page(later, '/')).querySelector('.khabar-breaking-strip')).toBeNull();
  });

  it('the Google News sitemap lists the story only within its 48 hours', async () => {
    expect(await readFile(join(soon, 'news-sitemap.xml'), 'utf8')).toContain(`https://clock.example${STORY}`);
    expect(await readFile(join(later, 'news-sitemap.xml'), 'utf8')).not.toContain(STORY);
  });

  it('the footer’s year is the clock’s', async () => {
    const year = async (dist: string) =>
      (await page(dist, '/')).querySelector('.khabar-footer__copyright')?.textContent ?? '';
    expect(await year(soon)).toContain('٢٠١٦');
    expect(await year(later)).toContain('٢٠١٩');
  });

  it('the comment section is open within closeAfterDays of the clock and closed after', async () => {
    const open = await page(soon, STORY);
    expect(open.querySelector('.khabar-comments form')).not.toBeNull();
    expect(open.querySelector('.khabar-comments__closed')).toBeNull();
    const closed = await page(later, STORY);
    expect(closed.querySelector('.khabar-comments form')).toBeNull();
    expect(closed.querySelector('.khabar-comments__closed')?.textContent).toBe('التعليقات مغلقة.');
  });
});
