import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const root = join(tmpRoot, 'persian');
const dist = join(root, 'dist');

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('./fixtures/persian/', import.meta.url), root, { recursive: true });
  await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a Persian newsroom', () => {
  it('is a right-to-left Persian page', async () => {
    const { document } = await loadPage('/eghtesadi/bazar/', dist);
    expect(document.documentElement.getAttribute('lang')).toBe('fa');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
  });

  it('uses the Persian UI strings', async () => {
    const { document } = await loadPage('/eghtesadi/bazar/', dist);
    expect(document.querySelector('.khabar-nav a')?.textContent).toBe('صفحهٔ اصلی');
    expect(document.querySelector('.khabar-skip-link')?.textContent).toBe('رفتن به محتوا');
    expect(document.querySelector('.khabar-reading-time')?.textContent).toBe('زمان مطالعه: ۱ دقیقه');
  });

  it('dates the story in the Solar Hijri calendar with Persian digits', async () => {
    const { document } = await loadPage('/eghtesadi/bazar/', dist);
    const time = document.querySelector('.khabar-dates time');
    expect(time?.getAttribute('datetime')).toBe('2016-12-01T10:00:00+03:30');
    expect(time?.textContent).toBe('پنجشنبه ۱۱ آذر ۱۳۹۵، ساعت ۱۰:۰۰ (وقت ایران)');
    expect(time?.textContent).not.toMatch(/[0-9\u0660-\u0669]/);
  });
});
