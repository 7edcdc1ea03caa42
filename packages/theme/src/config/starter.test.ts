import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWithFriendlyErrors } from './friendly-errors.ts';
import { starterNotice, titleFromProject, withStarterDefaults } from './starter.ts';
import { KhabarConfigSchema } from './user-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-starter-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('khabar() with no options', () => {
  it('makes a valid config: the package name, Arabic, UTC, one section «أخبار»', () => {
    const { options, missing } = withStarterDefaults(undefined, 'my-newsroom');
    const config = parseWithFriendlyErrors(KhabarConfigSchema, options, 'x');
    expect(config).toMatchObject({
      title: 'my-newsroom',
      locale: 'ar',
      timeZone: 'UTC',
      sections: [{ slug: 'news', name: 'أخبار' }],
    });
    expect(missing).toEqual(['title', 'sections', 'locale', 'timeZone']);
    expect(starterNotice(config, missing)).toBe(
      'Built with starter options: the title "my-newsroom" (from package.json), locale "ar", time zone UTC, one section «أخبار» (/news/). Set title, sections, locale, timeZone in khabar({ … }) in astro.config for your newsroom.',
    );
  });

  it('keeps what the site set, and says nothing once it has a title and sections', () => {
    const { options, missing } = withStarterDefaults({ title: 'خبر', timeZone: 'Asia/Damascus' }, 'pkg');
    expect(options).toMatchObject({ title: 'خبر', timeZone: 'Asia/Damascus', sections: [{ slug: 'news' }] });
    expect(missing).toEqual(['sections', 'locale']);
    const full = withStarterDefaults(
      { title: 'خبر', sections: [{ slug: 'politics', name: 'سياسة' }] },
      'pkg',
    );
    expect(starterNotice({ title: 'خبر', locale: 'ar', timeZone: 'UTC' }, full.missing)).toBeUndefined();
  });

  it('leaves options that are not an object to the schema to name', () => {
    expect(() =>
      parseWithFriendlyErrors(KhabarConfigSchema, withStarterDefaults('خبر', 'pkg').options, 'Invalid'),
    ).toThrow(/Invalid/);
  });
});

describe('titleFromProject', () => {
  it('reads the package name without its scope, else the folder name', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@newsroom/my-site' }));
    expect(titleFromProject(dir)).toBe('my-site');
    writeFileSync(join(dir, 'package.json'), '{ not json');
    expect(titleFromProject(dir)).toBe(basename(dir));
  });
});
