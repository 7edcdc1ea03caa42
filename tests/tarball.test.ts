import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { repoRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const run = promisify(execFile);
const themeDir = join(repoRoot, 'packages/theme');
const commentsDir = join(repoRoot, 'packages/comments');

/** Packs a workspace package with pnpm (workspace: ranges become versions) and returns the tarball. */
async function pack(dir: string, destination: string): Promise<string> {
  await mkdir(destination, { recursive: true });
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: dir });
  const [file] = await readdir(destination);
  if (!file) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
  return join(destination, file);
}

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

/** What a published tarball must not carry: tests, fixtures, scratch folders, maps without sources. */
function unwanted(files: string[]): string[] {
  return files.filter(
    (f) =>
      /\.test(-d)?\.ts$|\/test\/|\/tests\/|\/fixtures\/|\/\.tmp\/|\/bench\/|\.tsbuildinfo$/.test(f) ||
      (f.endsWith('.map') && !files.includes(f.replace(/\.map$/, ''))),
  );
}

/** The code blocks of the README that name a file (```lang title="path"), keyed by path. */
async function readmeFiles(): Promise<Map<string, string>> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const files = new Map<string, string>();
  for (const match of readme.matchAll(/```\w+ title="([^"]+)"\n([\s\S]*?)```/g)) {
    if (match[1] && match[2]) files.set(match[1], match[2]);
  }
  return files;
}

/**
 * A site owner's path: pack the theme, install the tarball into a fresh Astro project outside the
 * workspace (its own package.json, astro 7 from the registry), configure it as the README says, build.
 */
describe('the packed theme in a fresh Astro project', () => {
  let project: string;
  let tarball: string;
  let commentsTarball: string;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'khabar-tarball-'));
    tarball = await pack(themeDir, join(project, 'pack-theme'));
    commentsTarball = await pack(commentsDir, join(project, 'pack-comments'));

    const site = join(project, 'site');
    await mkdir(site);
    const astroVersion = JSON.parse(
      await readFile(join(themeDir, 'node_modules/astro/package.json'), 'utf8'),
    ) as {
      version: string;
    };
    await writeFile(
      join(site, 'package.json'),
      JSON.stringify({
        name: 'my-newsroom',
        private: true,
        type: 'module',
        dependencies: {
          astro: `^${astroVersion.version}`,
          'astro-theme-khabar': `file:${tarball}`,
          sharp: '^0.35.0',
        },
        devDependencies: { typescript: '6.0.3' },
      }),
    );
    for (const [path, content] of await readmeFiles()) {
      await mkdir(dirname(join(site, path)), { recursive: true });
      await writeFile(join(site, path), content);
    }
    // npm from the machine; the scripts of sharp and esbuild run as they would for a site owner.
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: site,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  }, 600_000);

  afterAll(() => rm(project, { recursive: true, force: true }));

  it('ships khabar-comments with its CLI, components and types, and nothing that is only for its tests', async () => {
    const files = await tarballFiles(commentsTarball);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/src/components/CommentSection.astro');
    expect(unwanted(files)).toEqual([]);
  });

  it('gives a TypeScript consumer the config types, with bundler and node16 resolution', async () => {
    const site = join(project, 'site');
    await writeFile(
      join(site, 'check-types.ts'),
      `import khabar, { type KhabarUserConfig } from 'astro-theme-khabar';
const options: KhabarUserConfig = { title: 'خبر', sections: [{ slug: 'politics', name: 'سياسة' }], digits: 'arab' };
export const integration = khabar(options);
// @ts-expect-error: digits are 'arab', 'latn' or 'arabext'
export const wrong: KhabarUserConfig = { title: 'خبر', sections: [], digits: 'roman' };
`,
    );
    const tsc = join(site, 'node_modules/typescript/bin/tsc');
    for (const [moduleKind, resolution] of [
      ['esnext', 'bundler'],
      ['node16', 'node16'],
    ] as const) {
      const result = await run(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--module',
          moduleKind,
          '--moduleResolution',
          resolution,
          '--target',
          'es2022',
          'check-types.ts',
        ],
        { cwd: site },
      ).catch((error: unknown) => {
        // tsc exits 2 on type errors and prints them on stdout, which execFile puts on the error.
        const { stdout, message } = error as { stdout?: string; message: string };
        return { stdout: stdout ?? message };
      });
      expect(result.stdout, `${moduleKind}/${resolution}`).toBe('');
    }
  });

  it('ships compiled entry points, components and styles, but no tests', async () => {
    const files = await tarballFiles(tarball);
    expect(unwanted(files)).toEqual([]);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/content.js');
    expect(files).toContain('package/src/components/Byline.astro');
    expect(files).toContain('package/src/styles/index.css');
    expect(files.filter((f) => /\.test\.ts$|test-d\.ts$/.test(f))).toEqual([]);
  });

  it('builds the README’s story with the theme', async () => {
    const site = join(project, 'site');
    // Add a picture, as most stories have one.
    await mkdir(join(site, 'src/assets'), { recursive: true });
    await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#8a6d3b' } })
      .jpeg()
      .toFile(join(site, 'src/assets/metro.jpg'));
    const storyPath = join(site, 'src/content/articles/first-story.md');
    const story = await readFile(storyPath, 'utf8');
    expect(story).toMatch(/^authors: /m);
    await writeFile(
      storyPath,
      story.replace(
        /^(authors: .*)$/m,
        '$1\nimage:\n  src: "../../assets/metro.jpg"\n  alt: "قطار المترو في المحطة"\n  caption: "المحطة المركزية"',
      ),
    );

    const { code, output } = await runAstro(site, ['build']);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code).toBe(0);

    const { document } = await loadPage('/economy/first-story/', join(site, 'dist'));
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('h1')?.textContent).toBe('افتتاح خط المترو الأخضر');
    expect(document.querySelector('.khabar-dates time')?.getAttribute('datetime')).toBe(
      '2016-12-01T14:20:00+02:00',
    );
    expect(document.querySelector('figure figcaption')?.textContent).toContain('المحطة المركزية');
    expect(document.querySelector('figure picture source[type="image/avif"]')).not.toBeNull();
    expect(document.querySelector('.khabar-byline bdi')?.textContent).toBe('ليلى حداد');
  });
});
