import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import khabarComments, {
  parseIntegrationOptions,
  POSTS_ROUTE,
  postsModuleSource,
  readBuiltPosts,
  vitePluginKhabarComments,
  VIRTUAL_CONFIG,
  VIRTUAL_POSTS,
} from './integration.ts';
import { buildManifest } from './manifest.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** Runs astro:config:setup with just what the hook reads, and records what it did. */
async function setup(options: Parameters<typeof khabarComments>[0], vite: Record<string, unknown> = {}) {
  const warnings: string[] = [];
  const routes: { pattern: string; prerender?: boolean }[] = [];
  const updates: unknown[] = [];
  const hook = khabarComments(options).hooks['astro:config:setup'] as Setup;
  await hook({
    config: { root: pathToFileURL('/srv/site/'), site: 'https://news.example', vite },
    updateConfig: (update: unknown) => updates.push(update),
    injectRoute: (route: { pattern: string; prerender?: boolean }) => routes.push(route),
    logger: { warn: (m: string) => warnings.push(m), info: () => undefined },
  } as unknown as Parameters<Setup>[0]);
  return { warnings, routes, updates };
}

describe('the comment form’s script', () => {
  it('is never inlined; every other asset keeps the site’s own assetsInlineLimit', async () => {
    const { updates } = await setup({ endpoint: '/c/' }, { build: { assetsInlineLimit: 8 } });
    const update = updates[0] as {
      vite: { build: { assetsInlineLimit: (f: string, c: Buffer) => unknown } };
    };
    const limit = update.vite.build.assetsInlineLimit;
    const code = Buffer.from('let a=1');
    expect(limit('_astro/CommentForm.astro_astro_type_script_index_0_lang.B5NnptNg.js', code)).toBe(false);
    expect(limit('_astro/Search.astro_astro_type_script_index_0_lang.zHRt1v9M.js', code)).toBe(true);
    expect(limit('_astro/Search.astro_astro_type_script_index_0_lang.zHRt1v9M.js', Buffer.alloc(8))).toBe(
      false,
    );
  });
});

describe('the posts option', () => {
  it('injects one prerendered route and serves the site’s module', async () => {
    const { warnings, routes } = await setup({ endpoint: '/api/comments/', posts: './src/comment-posts.ts' });
    expect(routes).toEqual([
      expect.objectContaining({ pattern: '/_khabar-comments/posts.json', prerender: true }),
    ]);
    expect(warnings.filter((w) => w.includes('posts'))).toEqual([]);
    expect(postsModuleSource('./src/comment-posts.ts', '/srv/site')).toBe(
      'export { default } from "/srv/site/src/comment-posts.ts";\n',
    );
    expect(postsModuleSource('astro-theme-khabar/comment-posts', '/srv/site')).toBe(
      'export { default } from "astro-theme-khabar/comment-posts";\n',
    );
  });

  it('without it, injects nothing and warns once, saying what to set', async () => {
    const { warnings, routes } = await setup({ endpoint: '/api/comments/' });
    expect(routes).toEqual([]);
    const about = warnings.filter((w) => w.includes('`posts`'));
    expect(about.length).toBe(1);
    expect(about[0]).toContain("posts: './src/comment-posts.ts'");
  });

  it('reads and checks the posts the route built', async () => {
    const out = await mkdtemp(join(tmpdir(), 'khabar-posts-'));
    await mkdir(join(out, '_khabar-comments'));
    const file = join(out, ...POSTS_ROUTE.split('/'));
    await writeFile(file, JSON.stringify([{ id: 'a', url: '/a/', title: 'أ', closed: false }]));
    expect(await readBuiltPosts(out, './p.ts')).toEqual([{ id: 'a', url: '/a/', title: 'أ', closed: false }]);
    await writeFile(file, JSON.stringify([{ id: 'a', url: 'https://evil.example/' }]));
    await expect(readBuiltPosts(out, './p.ts')).rejects.toThrow(/posts\[0\]\.url/);
    await expect(readBuiltPosts(join(out, 'none'), './p.ts')).rejects.toThrow(/did not build/);
  });
});

describe('vitePluginKhabarComments', () => {
  it('serves the config, and the posts module only when there is one', () => {
    const plugin = vitePluginKhabarComments(
      'export default {};',
      'export { default } from "/p.ts";',
    ) as unknown as {
      resolveId: (id: string) => string | undefined;
      load: (id: string) => string | undefined;
    };
    expect(plugin.load(plugin.resolveId(VIRTUAL_POSTS) ?? '')).toContain('/p.ts');
    expect(plugin.load(plugin.resolveId(VIRTUAL_CONFIG) ?? '')).toBe('export default {};');
    const without = vitePluginKhabarComments('x') as unknown as {
      resolveId: (id: string) => string | undefined;
    };
    expect(without.resolveId(VIRTUAL_POSTS)).toBeUndefined();
  });
});

describe('buildManifest', () => {
  it('lists each post once, sorted, with the rules and never the secret', () => {
    const options = parseIntegrationOptions({ endpoint: '/c/', locale: 'fa-IR' });
    const a = { id: 'b', url: '/b/', title: '', closed: false };
    const manifest = buildManifest(options, {
      origins: ['https://news.example'],
      generatedAt: '2016-12-01T12:00:00.000Z',
      posts: [a, { id: 'a', url: '/a/', title: '', closed: true }, { ...a, url: '/other/' }],
    });
    expect(manifest.posts.map((p) => `${p.id} ${p.url}`)).toEqual(['a /a/', 'b /b/']);
    expect(manifest).toMatchObject({
      generatedAt: '2016-12-01T12:00:00.000Z',
      locale: 'fa-IR',
      endpoint: '/c/',
      // The moderation page shows times in the newsroom's zone.
      timeZone: 'UTC',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/secret/i);
  });
});

describe('the build clock', () => {
  type Load = (this: { environment: { name: string } }, id: string) => string | undefined;
  const source = async (options: Parameters<typeof khabarComments>[0], environment = 'ssr') => {
    const { updates } = await setup(options);
    const update = updates[0] as { vite: { plugins: { load: Load }[] } };
    return (
      update.vite.plugins[0]?.load.call({ environment: { name: environment } }, `\0${VIRTUAL_CONFIG}`) ?? ''
    );
  };
  const served = async (options: Parameters<typeof khabarComments>[0]) =>
    JSON.parse((await source(options)).replace(/^export default /, '').replace(/;$/, '')) as { now: string };
  it('is the now option, resolved once, for the components', async () => {
    expect((await served({ endpoint: '/c/', now: '2016-12-01T12:00:00+03:00' })).now).toBe(
      '2016-12-01T09:00:00.000Z',
    );
  });
  it('is not written into the config that prerendered pages import, so a new build time changes no code', async () => {
    const code = await source({ endpoint: '/c/', now: '2016-12-01T12:00:00+03:00' }, 'prerender');
    expect(code).not.toContain('2016-12-01');
    // The module reads the instant the integration left for this process.
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
      default: { now: string; endpoint: string };
    };
    expect(module.default.now).toBe('2016-12-01T09:00:00.000Z');
    expect(module.default.endpoint).toBe('/c/');
  });

  it('is the moment the integration was set up when now is not given', async () => {
    const before = Date.now();
    const now = Date.parse((await served({ endpoint: '/c/' })).now);
    expect(now).toBeGreaterThanOrEqual(before - 1000);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
