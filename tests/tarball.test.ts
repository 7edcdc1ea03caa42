import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../packages/theme/src/lib/node-version.ts';
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

/** The README's "Add Khabar to your Astro site" section: what a site owner follows, word for word. */
async function readmeSection(): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const section = /^## Add Khabar to your Astro site\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Add Khabar to your Astro site" section');
  return section;
}

/** The code blocks of the section that name a file (```lang title="path"), keyed by path. */
function readmeFiles(section: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of section.matchAll(/```\w+ title="([^"]+)"\n([\s\S]*?)```/g)) {
    if (match[1] && match[2]) files.set(match[1], match[2]);
  }
  return files;
}

/** The commands of the section's shell blocks, in order. */
function readmeCommands(section: string): string[] {
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) =>
    (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/\s#\s.*$/, '').trim())
      .filter(Boolean),
  );
}

/**
 * The machine as a site owner has it: its own Node and npm first on the PATH, not the workspace's Node 22
 * (pnpm puts the root's node_modules/.bin first for the tests).
 */
const ownerEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|pnpm_|NODE_ENV$|VITEST|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/i.test(name),
    ),
  ),
  PATH: (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.startsWith(repoRoot.replace(/\/$/, '')) && !dir.includes('node_modules'))
    .join(delimiter),
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
};

/** Runs a README command in the site as the site owner would, with the theme's tarball for its name. */
async function ownerRuns(
  site: string,
  line: string,
  tarball: string,
): Promise<{ code: number; output: string }> {
  const words = line.split(/\s+/);
  const isInstall = words[0] === 'npm' && (words[1] === 'install' || words[1] === 'i');
  const args = words.slice(1).map((word) => (isInstall && word === 'astro-theme-khabar' ? tarball : word));
  try {
    const { stdout, stderr } = await run(words[0] ?? '', args, {
      cwd: site,
      env: ownerEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: code ?? 1, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

/**
 * A site owner's path: pack the packages, make a fresh Astro project outside the workspace (as
 * `npm create astro` leaves it: astro and its scripts, installed with the machine's npm), then follow the
 * README's "Add Khabar to your Astro site" command by command (the Node 24 step included) and file by
 * file, and build with the site's own script.
 */
describe('the packed theme in a fresh Astro project', () => {
  let project: string;
  let site: string;
  let tarball: string;
  let commentsTarball: string;
  let wordpressTarball: string;
  const steps: { line: string; code: number; output: string }[] = [];

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'khabar-tarball-'));
    tarball = await pack(themeDir, join(project, 'pack-theme'));
    commentsTarball = await pack(commentsDir, join(project, 'pack-comments'));
    wordpressTarball = await pack(join(repoRoot, 'packages/wordpress'), join(project, 'pack-wordpress'));

    site = join(project, 'site');
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
        scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview', astro: 'astro' },
        dependencies: { astro: `^${astroVersion.version}` },
        devDependencies: { typescript: '6.0.3' },
      }),
    );
    const fresh = await ownerRuns(site, 'npm install', tarball);
    if (fresh.code !== 0) throw new Error(`npm install of a fresh Astro project failed:\n${fresh.output}`);

    const section = await readmeSection();
    for (const [path, content] of readmeFiles(section)) {
      await mkdir(dirname(join(site, path)), { recursive: true });
      await writeFile(join(site, path), content);
    }
    // Every command of the section, in order; the last one builds.
    for (const line of readmeCommands(section)) {
      steps.push({ line, ...(await ownerRuns(site, line, tarball)) });
    }
  }, 900_000);

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

  it('ships a README in each published package, and the file the error hints name', async () => {
    for (const file of [tarball, commentsTarball, wordpressTarball])
      expect(await tarballFiles(file), file).toContain('package/README.md');
    const readme = await readFile(join(site, 'node_modules/astro-theme-khabar/README.md'), 'utf8');
    // The hint of every bad option names this file and its "Options" table.
    expect(readme).toMatch(/^## Options$/m);
    expect(readme).toMatch(/^## Install$/m);
    expect(readme).toContain('npm install astro-theme-khabar sharp');
  });

  it('follows the README word for word on the machine’s own Node, its Node 24 step included', async () => {
    const lines = steps.map((step) => step.line);
    expect(lines[0]).toBe('npm install --save-dev node@24');
    expect(lines).toContain('npm install astro-theme-khabar sharp');
    expect(lines.at(-1)).toBe('npm run build');
    for (const step of steps) expect(step.code, `${step.line}\n${step.output}`).toBe(0);
    const build = steps.at(-1)?.output ?? '';
    expect(build).not.toMatch(/\[ERROR\]/);
    expect(build).not.toContain('is not supported by Astro');
    const { document } = await loadPage('/economy/first-story/', join(site, 'dist'));
    expect(document.querySelector('h1')?.textContent).toBe('افتتاح خط المترو الأخضر');
  });

  const ownNode = execFileSync('node', ['--version'], { env: ownerEnv, encoding: 'utf8' }).trim();
  it.runIf(nodeVersionProblem(ownNode) !== undefined)(
    `refuses the machine’s ${ownNode} with its own message, naming both ways to Node 24`,
    async () => {
      const { code, output } = await ownerRuns(
        site,
        'node --input-type=module -e import("astro-theme-khabar").then((m)=>m.default())',
        tarball,
      );
      expect(code).not.toBe(0);
      expect(output).toContain(
        `Khabar needs Node.js 22.12.0 or newer (as Astro 7 does); this is Node.js ${ownNode.slice(1)}.`,
      );
      expect(output).toContain('npm install --save-dev node@24');
      expect(output).toContain('nvm install 24');
    },
  );

  it('builds the README’s story with a picture', async () => {
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

    const { code, output } = await ownerRuns(site, 'npm run build', tarball);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code).toBe(0);

    const { document } = await loadPage('/economy/first-story/', join(site, 'dist'));
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('h1')?.textContent).toBe('افتتاح خط المترو الأخضر');
    expect(document.querySelector('.khabar-dates time')?.getAttribute('datetime')).toBe(
      '2016-12-01T14:20:00+02:00',
    );
    expect(document.querySelector('figure figcaption')?.textContent).toContain('المحطة المركزية');
    expect(document.querySelector('figure img')?.getAttribute('srcset')).toMatch(/\.webp \d+w/);
    expect(document.querySelector('.khabar-byline bdi')?.textContent).toBe('ليلى حداد');
  });

  it('builds again with khabar() and no options, as `npx astro add` writes it, and says what to set', async () => {
    const configFile = join(site, 'astro.config.mjs');
    const config = await readFile(configFile, 'utf8');
    const bare = config.replace(/khabar\(\{[\s\S]*?\n {4}\}\)/, 'khabar()');
    expect(bare).toMatch(/integrations: \[\s*khabar\(\),?\s*\]/);
    await writeFile(configFile, bare);
    // One section: the story may leave out `section`.
    const storyPath = join(site, 'src/content/articles/first-story.md');
    await writeFile(storyPath, (await readFile(storyPath, 'utf8')).replace(/^section: .*\n/m, ''));

    const { code, output } = await ownerRuns(site, 'npm run build', tarball);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code, output).toBe(0);
    expect(output).toContain(
      'Built with starter options: the title "my-newsroom" (from package.json), locale "ar", time zone UTC, one section «أخبار» (/news/). Set title, sections, locale, timeZone in khabar({ … }) in astro.config for your newsroom.',
    );
    const { document } = await loadPage('/news/first-story/', join(site, 'dist'));
    expect(document.querySelector('h1')?.textContent).toBe('افتتاح خط المترو الأخضر');
    expect(document.querySelector('.khabar-header')?.textContent).toContain('my-newsroom');
    expect(document.querySelector('.khabar-header')?.textContent).toContain('أخبار');
  });
});
