/**
 * `pnpm bench:import`: how long khabar-wordpress takes to bring a large WordPress export across, and
 * how much memory it needs, summed over its process tree (`proc-tree.ts`).
 *
 *   pnpm bench:import                                  # 100,000 posts
 *   pnpm bench:import -- --posts 10000 --seed 2
 *   pnpm bench:import -- --posts 10000 --cli /elsewhere/dist/cli.js   # another build, to compare
 *
 * The export is generated from the benchmark's newsroom (`generator/wordpress.ts`: classic-editor posts,
 * Arabic categories and tags, featured pictures in an uploads folder, threaded comments on 40% of the
 * posts) into `bench/.tmp/wordpress-<posts>-seed<seed>/` and kept between runs while the generator's
 * source is unchanged. The import runs as `khabar-wordpress import export.xml --out site --uploads
 * uploads` in a child process, after the site folder is removed, so every run is a first import. It is a
 * script, not a test: run it on an otherwise idle machine (the load average is printed).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateNewsroom, pictureSvg } from './generator/index.ts';
import { writeWordPressExport } from './generator/wordpress.ts';
import { sampleTree } from './proc-tree.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    posts: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    // Another build of the importer (a copy of an earlier dist/), to compare two in the same minute.
    cli: { type: 'string', default: join(repo, 'packages/wordpress/dist/cli.js') },
  },
});
const { cli } = values;
const posts = Number(values.posts.replaceAll('_', ''));
const seed = Number(values.seed);
if (!Number.isInteger(posts) || posts < 1) throw new Error(`--posts ${values.posts}: give a whole number`);
if (!existsSync(cli)) throw new Error(`${cli} is missing: build the packages first (pnpm -r build)`);

const folder = join(here, '.tmp', `wordpress-${posts}-seed${seed}`);
const exportFile = join(folder, 'export.xml');
const uploads = join(folder, 'uploads');
const site = join(folder, 'site');

/** The generator's source, so a changed generator writes a new export. */
async function generatorDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['index.ts', 'corpus.ts', 'random.ts', 'wordpress.ts'])
    hash.update(await readFile(join(here, 'generator', file)));
  return hash.update(`${posts}|${seed}`).digest('hex');
}

const [load1] = loadavg();
console.log(
  `khabar-wordpress import benchmark: ${posts.toLocaleString('en')} posts; node ${process.version}; ${cpus().length} CPUs; ` +
    `load average ${load1?.toFixed(2)} at start; ${(totalmem() / 2 ** 30).toFixed(1)} GB memory`,
);

const digest = await generatorDigest();
const stamp = join(folder, 'generator.sha256');
if (!existsSync(stamp) || (await readFile(stamp, 'utf8')) !== digest || !existsSync(exportFile)) {
  const started = performance.now();
  await rm(folder, { recursive: true, force: true });
  await mkdir(join(uploads, '2014/01'), { recursive: true });
  const newsroom = generateNewsroom({ articles: posts, seed });
  const { default: sharp } = await import('sharp');
  for (const picture of newsroom.pictures) {
    await sharp(Buffer.from(pictureSvg(picture, 960, 540)))
      .jpeg({ quality: 80 })
      .toFile(join(uploads, '2014/01', `${picture.id}.jpg`));
  }
  const counts = await writeWordPressExport(exportFile, newsroom, { seed });
  await writeFile(stamp, digest);
  console.log(
    `export written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.posts.toLocaleString('en')} posts, ` +
      `${counts.comments.toLocaleString('en')} comments, ${(counts.bytes / 2 ** 20).toFixed(0)} MB`,
  );
} else {
  console.log(`export reused: ${((await stat(exportFile)).size / 2 ** 20).toFixed(0)} MB`);
}

await rm(site, { recursive: true, force: true });
const started = performance.now();
const child = spawn(
  process.execPath,
  [cli, 'import', exportFile, '--out', site, '--uploads', uploads, '--time-zone', 'Asia/Damascus'],
  {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, KHABAR_COMMENTS_SECRET: 'bench-secret-bench-secret' },
  },
);
const sampler = sampleTree(child.pid ?? 0);
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
const seconds = (performance.now() - started) / 1000;
const memory = await sampler.stop();
// Other work on the machine slows the import: the load at the end says how much there was during it.
const [loadAtEnd] = loadavg();
if (code !== 0) {
  console.error(stderr);
  throw new Error(`khabar-wordpress exited with ${code}`);
}
const report = JSON.parse(await readFile(join(site, 'import-report.json'), 'utf8')) as {
  counts: { articles: number; comments: Record<string, number>; redirects: number };
};
const comments = Object.entries(report.counts.comments)
  .filter(([, n]) => n > 0)
  .map(([kind, n]) => `${kind} ${n.toLocaleString('en')}`)
  .join(', ');
console.log(
  `imported ${report.counts.articles.toLocaleString('en')} stories in ${seconds.toFixed(1)} s ` +
    `(${Math.round(report.counts.articles / seconds).toLocaleString('en')} a second), peak ${Math.round(memory.peakMB).toLocaleString('en')} MB ` +
    `(process tree, ${memory.maxProcesses} at most); comments: ${comments}; ${report.counts.redirects.toLocaleString('en')} redirects; ` +
    `load average ${loadAtEnd?.toFixed(2)} at the end`,
);
await writeFile(
  join(here, '.tmp', 'import-results.json'),
  `${JSON.stringify({ posts, cli, seconds, peakMB: memory.peakMB, load: load1, loadAtEnd, counts: report.counts }, null, 2)}\n`,
);
