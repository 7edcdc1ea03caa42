/**
 * `pnpm bench [-- --sizes 100,1000,10000] [--seed 1] [--image-pool 24]`
 *
 * For each size: generates a synthetic Arabic newsroom, builds it with the Khabar theme and as a bare
 * Astro site (the floor: same Markdown, a minimal layout), cold (no caches) and then warm (Astro's image
 * and content caches kept), and prints one table. Not a test: numbers vary with the machine's load.
 *
 * Peak memory is the peak resident set size of the `astro build` process (GNU time's "Maximum resident
 * set size" when /usr/bin/time exists, else VmHWM polled from /proc).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateNewsroom, writeNewsroom } from './generator/index.ts';
import { scaffoldSite, type SiteKind } from './sites.ts';

const benchRoot = fileURLToPath(new URL('./', import.meta.url));
const workRoot = join(benchRoot, '.tmp');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    seed: { type: 'string', default: '1' },
    'image-pool': { type: 'string', default: '24' },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.replace(/[_,]/g, '').trim()))
  .filter((n) => n > 0);

interface BuildResult {
  seconds: number;
  peakRssMB: number;
  ok: boolean;
  log: string;
}

const astroBin = join(
  createRequire(join(benchRoot, '..', 'package.json')).resolve('astro/package.json'),
  '..',
  'bin',
  'astro.mjs',
);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Polls a process's high-water mark of resident memory (Linux). */
async function vmHwmKB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function build(root: string): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const args = [astroBin, 'build'];
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
    const started = process.hrtime.bigint();
    const child = gnuTime
      ? spawn(gnuTime, ['-v', process.execPath, ...args], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let polled = 0;
    const poll = gnuTime
      ? undefined
      : setInterval(() => void vmHwmKB(child.pid ?? 0).then((kb) => (polled = Math.max(polled, kb))), 200);
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const kb = gnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? 0) : polled;
      resolve({ seconds, peakRssMB: kb / 1024, ok: code === 0, log });
    });
  });
}

async function dirStats(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { pages, bytes };
}

async function clean(root: string, { caches }: { caches: boolean }) {
  await rm(join(root, 'dist'), { recursive: true, force: true });
  if (caches) {
    await rm(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
    await rm(join(root, '.astro'), { recursive: true, force: true });
  }
}

interface Row {
  articles: number;
  kind: SiteKind;
  pages: number;
  cold: BuildResult;
  warm: BuildResult;
  bytes: number;
}

const rows: Row[] = [];
const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printTable() {
  const header = [
    'articles',
    'site',
    'pages',
    'build s',
    'pages/s',
    'peak MB',
    'warm s',
    'warm/cold',
    'output MB',
    'time ×bare',
    'mem ×bare',
  ];
  const lines = rows.map((row) => {
    const bare = rows.find((r) => r.articles === row.articles && r.kind === 'bare');
    return [
      row.articles.toLocaleString('en-US'),
      row.kind,
      String(row.pages),
      fmt(row.cold.seconds),
      fmt(row.pages / row.cold.seconds),
      fmt(row.cold.peakRssMB, 0),
      fmt(row.warm.seconds),
      fmt(row.warm.seconds / row.cold.seconds, 2),
      fmt(row.bytes / 1024 / 1024),
      row.kind === 'theme' && bare ? fmt(row.cold.seconds / bare.cold.seconds, 2) : '',
      row.kind === 'theme' && bare ? fmt(row.cold.peakRssMB / bare.cold.peakRssMB, 2) : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ') + ' |';
  console.log('\n' + line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const l of lines) console.log(line(l));
}

console.log(
  `Khabar benchmark: sizes ${sizes.join(', ')}; node ${process.version}; peak memory via ${gnuTime ?? '/proc VmHWM'}`,
);
for (const articles of sizes) {
  const newsroom = generateNewsroom({
    articles,
    seed: Number(values.seed),
    imagePool: Number(values['image-pool']),
  });
  const sites: Record<SiteKind, string> = {
    bare: join(workRoot, `bare-${articles}`),
    theme: join(workRoot, `theme-${articles}`),
  };
  for (const kind of ['bare', 'theme'] as const) {
    await scaffoldSite(sites[kind], kind);
    await writeNewsroom(sites[kind], newsroom);
  }
  const results: Partial<Record<SiteKind, { cold: BuildResult; warm: BuildResult }>> = {};
  // Cold builds first, then warm ones, alternating sites, so slow drift in the machine's load is shared.
  const cold: Partial<Record<SiteKind, BuildResult>> = {};
  for (const kind of ['bare', 'theme'] as const) {
    await clean(sites[kind], { caches: true });
    process.stdout.write(`${articles} articles, ${kind}: cold build… `);
    cold[kind] = await build(sites[kind]);
    console.log(cold[kind].ok ? `${fmt(cold[kind].seconds)} s` : 'FAILED');
    if (!cold[kind].ok) {
      console.error(cold[kind].log.slice(-4000));
      process.exit(1);
    }
  }
  for (const kind of ['bare', 'theme'] as const) {
    await clean(sites[kind], { caches: false });
    process.stdout.write(`${articles} articles, ${kind}: warm build… `);
    const warm = await build(sites[kind]);
    console.log(warm.ok ? `${fmt(warm.seconds)} s` : 'FAILED');
    if (!warm.ok) {
      console.error(warm.log.slice(-4000));
      process.exit(1);
    }
    results[kind] = { cold: cold[kind] as BuildResult, warm };
  }
  for (const kind of ['bare', 'theme'] as const) {
    const { pages, bytes } = await dirStats(join(sites[kind], 'dist'));
    const result = results[kind] as { cold: BuildResult; warm: BuildResult };
    rows.push({ articles, kind, pages, bytes, ...result });
  }
  printTable();
}
await writeFile(
  join(workRoot, 'results.json'),
  JSON.stringify(
    rows.map(({ cold, warm, ...row }) => ({
      ...row,
      coldSeconds: cold.seconds,
      coldPeakRssMB: cold.peakRssMB,
      warmSeconds: warm.seconds,
      warmPeakRssMB: warm.peakRssMB,
    })),
    null,
    2,
  ),
);
console.log(
  `\nTargets: theme ≤ 1.5× the bare floor's time and ≤ 1.2× its peak memory at 10,000 articles; warm ≤ 0.6× cold.`,
);
