import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { readSiteConfig } from './site-config.ts';

const made: string[] = [];
afterAll(async () => {
  for (const root of made) await rm(root, { recursive: true, force: true });
});

/** A site folder with these files; its config imports only what Node resolves without node_modules. */
async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'khabar-wordpress-config-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), text);
  }
  return root;
}

describe("reading an existing site's khabar() options", () => {
  it('runs the config, so sections built in code are read as Astro would see them', async () => {
    const root = await site({
      'src/sections.mjs': `export const sections = ['politics', 'sport'].map((slug) => ({ slug, name: slug === 'sport' ? 'رياضة' : 'سياسة' }));`,
      'src/redirects.mjs': `export default { "/old/": "/politics/new/" };`,
      'astro.config.mjs': `import khabar from 'astro-theme-khabar';
import { sections } from './src/sections.mjs';
import redirects from './src/redirects.mjs';
export default { redirects, integrations: [khabar({ title: 'خبر', sections: [...sections, { slug: 'economy', name: 'اقتصاد', description: 'الأسواق' }], comments: { dir: 'data/comments' } })] };`,
    });
    expect(await readSiteConfig(root)).toEqual({
      file: 'astro.config.mjs',
      sections: [
        { slug: 'politics', name: 'سياسة' },
        { slug: 'sport', name: 'رياضة' },
        { slug: 'economy', name: 'اقتصاد', description: 'الأسواق' },
      ],
      comments: 'data/comments',
      redirectsModule: 'wired',
    });
  });

  it('reads a TypeScript config, and tells when the redirects module is not passed to Astro', async () => {
    const root = await site({
      'src/redirects.mjs': `export default { "/old/": "/politics/new/" };`,
      'astro.config.ts': `import khabar from 'astro-theme-khabar';
const comments: false = false;
export default { integrations: [khabar({ title: 'خبر', sections: [{ slug: 'politics', name: 'سياسة' }], comments })] };`,
    });
    expect(await readSiteConfig(root)).toMatchObject({
      file: 'astro.config.ts',
      comments: false,
      redirectsModule: 'not-wired',
    });
  });

  it('refuses a folder that is not a Khabar site, or a config that does not load', async () => {
    await expect(readSiteConfig(await site({ 'index.html': '<p>hi</p>' }))).rejects.toThrow(
      /is not a Khabar site: it has no astro.config/,
    );
    await expect(
      readSiteConfig(await site({ 'astro.config.mjs': 'export default { integrations: [] };' })),
    ).rejects.toThrow(/does not call khabar\(\)/);
    const broken = readSiteConfig(
      await site({ 'astro.config.mjs': "throw new Error('SECRET_TOKEN is not set');" }),
    );
    await expect(broken).rejects.toBeInstanceOf(ImportError);
    await expect(broken).rejects.toThrow(/Could not load .*astro.config.mjs[\s\S]*SECRET_TOKEN is not set/);
    await expect(
      readSiteConfig(
        await site({
          'astro.config.mjs':
            "import k from 'astro-theme-khabar'; export default { integrations: [k({ sections: 'politics' })] };",
        }),
      ),
    ).rejects.toThrow(/`sections` is not a list/);
  });
});
