import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveStrings } from '../config/strings.ts';
import { KhabarConfigSchema } from '../config/user-config.ts';
import { setupCms } from './cms.ts';

const strings = resolveStrings('ar', {});
const options = {
  title: 'خبر',
  sections: [{ slug: 'politics', name: 'سياسة' }],
};
/** The theme's own folder, where `@sveltia/cms` is installed (a dev dependency). */
const themeRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('setupCms', () => {
  it('gives nothing with cms off, and the editor’s configuration with it on', () => {
    expect(setupCms(KhabarConfigSchema.parse(options), strings, themeRoot)).toBeUndefined();
    const config = setupCms(
      KhabarConfigSchema.parse({ ...options, cms: { backend: { name: 'gitea', repo: 'khabar/news' } } }),
      strings,
      themeRoot,
    );
    expect(config?.backend).toEqual({ name: 'gitea', repo: 'khabar/news' });
    expect(config?.app_title).toBe('خبر — غرفة التحرير');
  });

  it('says how to install the editor when the site has not', async () => {
    const site = await mkdtemp(join(tmpdir(), 'khabar-no-cms-'));
    try {
      const config = KhabarConfigSchema.parse({
        ...options,
        cms: { backend: { name: 'github', repo: 'a/b' } },
      });
      expect(() => setupCms(config, strings, site)).toThrow(/@sveltia\/cms is not installed/);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
