/**
 * `pnpm bench [-- --sizes 100,1000,10000] [--modes static,recent] [--no-warm | --warm false]
 *   [--no-publish | --publish false] [--seed 1] [--image-pool 24] [--requests 1000] [--warmup 50]
 *   [--concurrency 4]`
 *
 * For each size: generates a synthetic Arabic newsroom once, builds it as a bare Astro site (the floor:
 * same Markdown, a minimal layout) and with the Khabar theme in each chosen mode — `static` (every page
 * prerendered, site `theme`) and `recent` (only the last days' stories and the listings' first pages
 * prerendered, the rest rendered on request by the Node adapter, site `theme-recent`) — cold (no caches,
 * Node's compile cache included) and then warm (Astro's image and content caches and the compile cache
 * kept), and prints one table. For `recent` it then starts the built server and times requests for
 * archive stories. Then each theme site publishes one new story and rebuilds, fixes a typo in an old
 * story and rebuilds, and counts what Astro rendered and reused in each (`publish.ts`, `astro-log.ts`).
 * Not a test: numbers vary with the machine's load.
 *
 * Peak memory is the sum of resident memory over the build's whole process tree (Node and what it
 * spawns, such as Pagefind), sampled from /proc every 100 ms (`proc-tree.ts`).
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countPaths, type PathCounts } from './astro-log.ts';
import { generateNewsroom } from './generator/index.ts';
import { measureLatency, type LatencyResult } from './latency.ts';
import { linkNewsroom, writeSharedNewsroom } from './newsroom-files.ts';
import { sampleTree, type TreeMemory } from './proc-tree.ts';
import { addMinutes, archiveOf, fixTypo, nextStory, publishStory, type Edit } from './publish.ts';
import { RECENT_DAYS, scaffoldSite, type SiteKind } from './sites.ts';

const benchRoot = fileURLToPath(new URL('./', import.meta.url));
const workRoot = join(benchRoot, '.tmp');
const SAMPLE_MS = 100;
const SITE = 'https://bench.example';
/** The theme sites' build clock is pinned this long after the newest story; one is published half-way. */
const CLOCK_AFTER_NEWEST_MINUTES = 60;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    modes: { type: 'string', default: 'static' },
    warm: { type: 'string', default: 'true' },
    'no-warm': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
    publish: { type: 'string', default: 'true' },
    'no-publish': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'image-pool': { type: 'string', default: '24' },
    requests: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.replace(/_/g, '').trim()))
  .filter((n) => n > 0);

/** The theme's site kind for each `--modes` word. */
const MODES: Record<string, Exclude<SiteKind, 'bare'>> = { static: 'theme', recent: 'theme-recent' };
const modes = values.modes
  .split(',')
  .map((m) => m.trim())
  .filter(Boolean);
for (const mode of modes) {
  if (!(mode in MODES)) {
    console.error(`--modes: unknown mode "${mode}"; the modes are ${Object.keys(MODES).join(', ')}`);
    process.exit(2);
  }
}
const themeKinds = [...new Set(modes.map((mode) => MODES[mode] as Exclude<SiteKind, 'bare'>))];
// `--no-bare` leaves the floor out (at 100,000 stories it takes longer than the theme): no ratios then.
const kinds: SiteKind[] = values['no-bare'] ? themeKinds : ['bare', ...themeKinds];
/** The order of the builds: cheapest first, so a mode that fails (or an option the theme lacks) fails early. */
const COST: Record<SiteKind, number> = { bare: 0, 'theme-recent': 1, theme: 2 };
const buildOrder = kinds.toSorted((a, b) => COST[a] - COST[b]);
const no = (value: string) => /^(false|no|0|off)$/i.test(value);
const warmBuilds = !values['no-warm'] && !no(values.warm);
const publishBuilds = !values['no-publish'] && !no(values.publish);
const load = {
  requests: Number(values.requests),
  warmup: Number(values.warmup),
  concurrency: Number(values.concurrency),
};

interface BuildResult {
  seconds: number;
  memory: TreeMemory;
  ok: boolean;
  log: string;
}

const astroBin = join(
  createRequire(join(benchRoot, '..', 'package.json')).resolve('astro/package.json'),
  '..',
  'bin',
  'astro.mjs',
);

/** Node's module compile cache of a site's builds (Astro turns it on): its own folder, so a cold build can empty it. */
const compileCacheOf = (root: string) => join(workRoot, 'compile-cache', basename(root));

function build(root: string): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NODE_COMPILE_CACHE: compileCacheOf(root),
    };
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleTree(child.pid ?? 0, SAMPLE_MS);
    let memory: Promise<TreeMemory> | undefined;
    let log = '';
    // Decoded as streams: a chunk may end inside a character (Astro's "├─" is three bytes), and decoding
    // each chunk alone turned it into "├��", which the path count then missed.
    child.stdout.setEncoding('utf8').on('data', (text: string) => (log += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (log += text));
    child.on('error', reject);
    // Sampling stops when the process exits, before its pid can be anyone else's.
    child.on('exit', () => {
      memory = sampler.stop();
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      void (memory ?? sampler.stop()).then((peak) => {
        resolve({ seconds, memory: peak, ok: code === 0, log });
      });
    });
  });
}

interface DistStats {
  pages: number;
  bytes: number;
  /** HTML files under the folder the site is served from (`dist/`, or `dist/client/` with an adapter). */
  html: Set<string>;
}

async function dirStats(dist: string): Promise<DistStats> {
  const client = join(dist, 'client');
  const servedFrom = (await stat(client).catch(() => undefined))?.isDirectory() ? client : dist;
  let bytes = 0;
  const html = new Set<string>();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    bytes += (await stat(file)).size;
    if (entry.name.endsWith('.html') && file.startsWith(servedFrom + sep)) {
      html.add(relative(servedFrom, file).split(sep).join('/'));
    }
  }
  return { pages: html.size, bytes, html };
}

async function clean(root: string, { caches }: { caches: boolean }) {
  await rm(join(root, 'dist'), { recursive: true, force: true });
  if (caches) {
    await rm(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
    await rm(join(root, 'node_modules', '.vite'), { recursive: true, force: true });
    await rm(join(root, '.astro'), { recursive: true, force: true });
    await rm(compileCacheOf(root), { recursive: true, force: true });
  }
}

interface Story {
  section: string;
  slug: string;
  published: string;
}

/** A story's URL as the theme links it: `/<section>/<slug>/`, each segment encoded. */
const storyPath = (story: Story) =>
  `/${encodeURIComponent(story.section)}/${encodeURIComponent(story.slug)}/`;
/** A story's page in the built output (the bare floor's pages are `/<slug>/`). */
const storyFile = (kind: SiteKind, story: Story) =>
  kind === 'bare' ? `${story.slug}/index.html` : `${story.section}/${story.slug}/index.html`;

interface Latency extends LatencyResult {
  /** `archive`: stories the build did not prerender; `all-prerendered`: none were left, so any story. */
  picked: 'archive' | 'all-prerendered';
  pool: number;
}

/** A rebuild after an edit to the newsroom: the build, and what Astro says it rendered and reused. */
interface EditBuild {
  build: BuildResult;
  /** From the build's log (`astro-log.ts`); `undefined`, with `countError`, if the log did not read as Astro's. */
  counts?: PathCounts;
  countError?: string;
  edit: Omit<Edit, 'undo'>;
  /** The build's log, kept under bench/.tmp/ (relative to it): Astro's line for every path it generated. */
  log: string;
}

interface Row {
  articles: number;
  kind: SiteKind;
  pages: number;
  /** Stories whose page the build wrote. */
  storiesPrerendered: number;
  cold: BuildResult;
  warm?: BuildResult;
  bytes: number;
  latency?: Latency;
  /** Theme sites: the rebuild after publishing one story, then the one after a typo fix in an old story. */
  publish?: EditBuild;
  typo?: EditBuild;
}

const rows: Row[] = [];
const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n)
    ? ''
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (n: number | undefined) => fmt(n, 0);

/** An edit's rebuild in the table: seconds, peak MB, rendered, reused (`—` when not run, `?` when unread). */
function editCells(row: Row, edit: EditBuild | undefined): string[] {
  if (row.kind === 'bare') return ['', '', '', ''];
  if (!edit) return ['—', '—', '—', '—'];
  const { counts } = edit;
  return [
    fmt(edit.build.seconds),
    mb(edit.build.memory.peakMB),
    counts ? counts.rendered.toLocaleString('en-US') : '?',
    counts ? counts.reused.toLocaleString('en-US') : '?',
  ];
}

function printTable() {
  const header = [
    'articles',
    'site',
    'pages',
    'build s',
    'pages/s',
    'peak MB',
    'node MB',
    'warm s',
    'warm/cold',
    'output MB',
    'time ×bare',
    'mem ×bare',
    'p50 ms',
    'p99 ms',
    'server MB',
    'publish s',
    'publish MB',
    'rendered',
    'reused',
    'typo s',
    'typo MB',
    'typo rendered',
    'typo reused',
  ];
  const lines = rows.map((row) => {
    const bare = rows.find((r) => r.articles === row.articles && r.kind === 'bare');
    const vsBare = row.kind !== 'bare' && bare;
    return [
      row.articles.toLocaleString('en-US'),
      row.kind,
      row.pages.toLocaleString('en-US'),
      fmt(row.cold.seconds),
      fmt(row.pages / row.cold.seconds),
      mb(row.cold.memory.peakMB),
      mb(row.cold.memory.rootPeakMB),
      row.warm ? fmt(row.warm.seconds) : '—',
      row.warm ? fmt(row.warm.seconds / row.cold.seconds, 2) : '—',
      fmt(row.bytes / 1024 / 1024),
      vsBare ? fmt(row.cold.seconds / bare.cold.seconds, 2) : '',
      vsBare ? fmt(row.cold.memory.peakMB / bare.cold.memory.peakMB, 2) : '',
      fmt(row.latency?.p50ms),
      fmt(row.latency?.p99ms),
      mb(row.latency?.serverRssMB),
      ...editCells(row, row.publish),
      ...editCells(row, row.typo),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ') + ' |';
  console.log('\n' + line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const l of lines) console.log(line(l));
}

const GB = 1024;
interface Target {
  what: string;
  check(rows: Row[]): string | undefined;
}
const row = (rows: Row[], articles: number, kind: SiteKind) =>
  rows.find((r) => r.articles === articles && r.kind === kind);
const verdict = (ok: boolean, measured: string) => `${ok ? 'met' : 'MISSED'} (${measured})`;
/** The targets of bench/README.md, checked where this run measured them. */
const TARGETS: Target[] = [
  {
    what: '10,000 static: theme peak (process tree) ≤ 1.2× the bare floor',
    check(rs) {
      const [theme, bare] = [row(rs, 10_000, 'theme'), row(rs, 10_000, 'bare')];
      if (!theme || !bare) return undefined;
      const ratio = theme.cold.memory.peakMB / bare.cold.memory.peakMB;
      return verdict(ratio <= 1.2, `${fmt(ratio, 2)}×`);
    },
  },
  {
    what: '10,000 static: theme build ≤ 1.5× the bare floor',
    check(rs) {
      const [theme, bare] = [row(rs, 10_000, 'theme'), row(rs, 10_000, 'bare')];
      if (!theme || !bare) return undefined;
      const ratio = theme.cold.seconds / bare.cold.seconds;
      return verdict(ratio <= 1.5, `${fmt(ratio, 2)}×`);
    },
  },
  {
    what: '10,000 static: theme warm ≤ 0.6× cold',
    check(rs) {
      const theme = row(rs, 10_000, 'theme');
      if (!theme?.warm) return undefined;
      const ratio = theme.warm.seconds / theme.cold.seconds;
      return verdict(ratio <= 0.6, `${fmt(ratio, 2)}×`);
    },
  },
  {
    what: '10,000 static: publishing one story < 10 s, rendering < 100 pages',
    check(rs) {
      const publish = row(rs, 10_000, 'theme')?.publish;
      if (!publish) return undefined;
      const seconds = fmt(publish.build.seconds);
      if (!publish.counts)
        return `unknown (${seconds} s; pages rendered not read: ${publish.countError ?? '?'})`;
      const { rendered, paths } = publish.counts;
      return verdict(
        publish.build.seconds < 10 && rendered < 100,
        `${seconds} s, ${rendered.toLocaleString('en-US')} of ${paths.toLocaleString('en-US')} pages rendered`,
      );
    },
  },
  {
    what: '10,000 static: a typo fix in an old story < 8 s',
    check(rs) {
      const typo = row(rs, 10_000, 'theme')?.typo;
      if (!typo) return undefined;
      const rendered = typo.counts
        ? `${typo.counts.rendered.toLocaleString('en-US')} of ${typo.counts.paths.toLocaleString('en-US')} pages rendered`
        : 'pages rendered not read';
      return verdict(typo.build.seconds < 8, `${fmt(typo.build.seconds)} s, ${rendered}`);
    },
  },
  {
    what: '100,000 on demand: cold build < 3 min, peak (process tree) < 6 GB',
    check(rs) {
      const r = row(rs, 100_000, 'theme-recent');
      if (!r) return undefined;
      const ok = r.cold.seconds < 180 && r.cold.memory.peakMB < 6 * GB;
      return verdict(ok, `${fmt(r.cold.seconds)} s, ${mb(r.cold.memory.peakMB)} MB`);
    },
  },
  {
    what: '100,000 on demand: archive story p50 < 30 ms, p99 < 100 ms (loopback, warmed up)',
    check(rs) {
      const r = row(rs, 100_000, 'theme-recent');
      if (!r?.latency) return undefined;
      const ok = r.latency.p50ms < 30 && r.latency.p99ms < 100;
      return verdict(ok, `p50 ${fmt(r.latency.p50ms)} ms, p99 ${fmt(r.latency.p99ms)} ms`);
    },
  },
  {
    what: '100,000 static: peak (process tree) < 20 GB',
    check(rs) {
      const r = row(rs, 100_000, 'theme');
      if (!r) return undefined;
      return verdict(
        r.cold.memory.peakMB < 20 * GB,
        `${mb(r.cold.memory.peakMB)} MB in ${fmt(r.cold.seconds)} s`,
      );
    },
  },
];

const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  cpuModel,
  loadAverage: loadavg(),
  totalMemoryMB: totalmem() / 1024 / 1024,
  sizes,
  modes,
  warm: warmBuilds,
  publish: publishBuilds,
  seed: Number(values.seed),
  imagePool: Number(values['image-pool']),
  recentDays: RECENT_DAYS,
  memory: `sum of VmRSS over the build's process tree, sampled every ${SAMPLE_MS} ms from /proc`,
  latency: { ...load, host: '127.0.0.1' },
};

/** Rendered files listed in results.json up to this many (all of them under the 100-page target). */
const LISTED_FILES = 200;

/** An edit's rebuild as flat fields of a row in results.json: `publishSeconds`, `publishRendered`, … */
function editFields(prefix: 'publish' | 'typo', edit: EditBuild | undefined): Record<string, unknown> {
  if (!edit) return {};
  const { build: result, counts, countError } = edit;
  const files = counts?.renderedFiles;
  const byType: Record<string, number> = {};
  for (const file of files ?? []) {
    const type = /\.([a-z0-9]+)$/i.exec(file)?.[1] ?? '';
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return {
    [`${prefix}Seconds`]: result.seconds,
    [`${prefix}PeakMB`]: result.memory.peakMB,
    [`${prefix}NodePeakMB`]: result.memory.rootPeakMB,
    [`${prefix}Paths`]: counts?.paths,
    [`${prefix}Rendered`]: counts?.rendered,
    [`${prefix}Reused`]: counts?.reused,
    [`${prefix}Restored`]: counts?.restored,
    [`${prefix}RenderedByType`]: files ? byType : undefined,
    [`${prefix}RenderedFiles`]: files && files.length <= LISTED_FILES ? files : undefined,
    [`${prefix}CountError`]: countError,
    [`${prefix}Story`]: edit.edit,
    [`${prefix}Log`]: edit.log,
  };
}

async function writeResults() {
  await writeFile(
    join(workRoot, 'results.json'),
    JSON.stringify(
      {
        meta,
        rows: rows.map(({ cold, warm, latency, publish, typo, ...r }) => ({
          ...r,
          coldSeconds: cold.seconds,
          coldPeakMB: cold.memory.peakMB,
          coldNodePeakMB: cold.memory.rootPeakMB,
          coldPeakByProgramMB: cold.memory.peakByName,
          coldMaxProcesses: cold.memory.maxProcesses,
          warmSeconds: warm?.seconds,
          warmPeakMB: warm?.memory.peakMB,
          warmNodePeakMB: warm?.memory.rootPeakMB,
          ...editFields('publish', publish),
          ...editFields('typo', typo),
          latency,
        })),
        targets: TARGETS.map((t) => ({ target: t.what, result: t.check(rows) ?? 'not measured' })),
      },
      null,
      2,
    ) + '\n',
  );
}

/** Edits made to sites' newsrooms and not undone yet: undone before the run ends, a failed build's too. */
const pendingEdits: Edit[] = [];
async function undoEdits() {
  for (let edit = pendingEdits.pop(); edit; edit = pendingEdits.pop()) await edit.undo();
}

async function buildOrExit(root: string, label: string): Promise<BuildResult> {
  process.stdout.write(`${label}… `);
  const result = await build(root);
  console.log(
    result.ok
      ? `${fmt(result.seconds)} s, peak ${mb(result.memory.peakMB)} MB (node ${mb(result.memory.rootPeakMB)} MB, ` +
          `${result.memory.maxProcesses} processes at most)`
      : 'FAILED',
  );
  if (!result.ok) {
    console.error(result.log.slice(-4000));
    await undoEdits();
    if (rows.length) printTable();
    process.exit(1);
  }
  return result;
}

/**
 * The rebuild after an edit: nothing is cleaned first (`dist/` and every cache stay as the last build
 * left them, as on a newsroom's build machine), and what Astro rendered and reused is read from its log.
 */
async function editBuild(
  root: string,
  name: 'publish' | 'typo',
  edit: Edit,
  label: string,
): Promise<EditBuild> {
  const result = await buildOrExit(root, label);
  const { undo: _undo, ...what } = edit;
  const log = `${basename(root)}-${name}.log`;
  await writeFile(join(workRoot, log), result.log);
  try {
    const counts = countPaths(result.log);
    console.log(
      `  Astro rendered ${counts.rendered.toLocaleString('en-US')} of ${counts.paths.toLocaleString('en-US')} ` +
        `paths and reused ${counts.reused.toLocaleString('en-US')}` +
        (counts.reused ? ` (${counts.restored.toLocaleString('en-US')} restored from its cache)` : ''),
    );
    return { build: result, counts, edit: what, log };
  } catch (error) {
    const countError = error instanceof Error ? error.message : String(error);
    console.warn(`  warning: what Astro rendered could not be read from its log: ${countError}`);
    return { build: result, countError, edit: what, log };
  }
}

console.log(
  `Khabar benchmark: sizes ${sizes.join(', ')}; modes ${modes.join(', ')}; warm builds ${warmBuilds ? 'on' : 'off'}; ` +
    `publish and typo fix ${publishBuilds ? 'on' : 'off'}\n` +
    `node ${process.version}; ${meta.cpus} CPUs (${cpuModel}); load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at start; ${fmt(totalmem() / 1024 ** 3)} GB memory\n` +
    `peak MB: sum of resident memory (VmRSS) over the build's process tree, sampled every ${SAMPLE_MS} ms; ` +
    `node MB: the astro build process's own high-water mark (VmHWM)`,
);
await mkdir(workRoot, { recursive: true });
for (const articles of sizes) {
  const roots = Object.fromEntries(
    kinds.map((kind) => [kind, join(workRoot, `${kind}-${articles}`)]),
  ) as Record<SiteKind, string>;
  const shared = join(workRoot, `newsroom-${articles}-seed${values.seed}-pool${values['image-pool']}`);
  // The newsroom's bodies are large (about 1 GB at 100,000 stories): keep only what the URLs and the
  // edits need.
  const { stories, now, archive, options } = await (async () => {
    const newsroom = generateNewsroom({
      articles,
      seed: Number(values.seed),
      imagePool: Number(values['image-pool']),
    });
    const started = performance.now();
    const how = await writeSharedNewsroom(shared, newsroom);
    console.log(`${articles} articles: newsroom ${how} in ${fmt((performance.now() - started) / 1000)} s`);
    const newest = newsroom.articles.reduce((max, a) => Math.max(max, Date.parse(a.published)), 0);
    // The build clock: an hour after the newest story, whatever the machine's date.
    const clock = new Date(newest + CLOCK_AFTER_NEWEST_MINUTES * 60_000).toISOString();
    for (const kind of kinds) {
      await scaffoldSite(roots[kind], kind, { now: clock });
      await linkNewsroom(shared, roots[kind]);
    }
    return {
      stories: newsroom.articles.map(({ section, slug, published }) => ({ section, slug, published })),
      now: clock,
      archive: archiveOf(newsroom),
      options: newsroom.options,
    };
  })();
  // Cold builds first, then warm ones, alternating sites, so slow drift in the machine's load is shared.
  const cold: Partial<Record<SiteKind, BuildResult>> = {};
  const warm: Partial<Record<SiteKind, BuildResult>> = {};
  for (const kind of buildOrder) {
    await clean(roots[kind], { caches: true });
    cold[kind] = await buildOrExit(roots[kind], `${articles} articles, ${kind}: cold build`);
  }
  if (warmBuilds) {
    for (const kind of buildOrder) {
      await clean(roots[kind], { caches: false });
      warm[kind] = await buildOrExit(roots[kind], `${articles} articles, ${kind}: warm build`);
    }
  }
  for (const kind of kinds) {
    const { pages, bytes, html } = await dirStats(join(roots[kind], 'dist'));
    const storiesPrerendered = stories.filter((story) => html.has(storyFile(kind, story))).length;
    let latency: Latency | undefined;
    if (kind !== 'bare') {
      const clock = Date.parse(now);
      const recent = stories.filter((story) => {
        const age = clock - Date.parse(story.published);
        return age >= 0 && age <= RECENT_DAYS * 86_400_000;
      }).length;
      console.log(
        `${articles} articles, ${kind}: ${storiesPrerendered.toLocaleString('en-US')} of ` +
          `${stories.length.toLocaleString('en-US')} stories prerendered ` +
          `(build clock ${now}; ${recent} stories published in the ${RECENT_DAYS} days before it)`,
      );
      if (kind === 'theme' && storiesPrerendered < stories.length) {
        console.warn(`  warning: a fully static build should write every story's page; check storyFile()`);
      }
    }
    if (kind === 'theme-recent') {
      const archive = stories.filter((story) => !html.has(storyFile(kind, story)));
      const picked = archive.length > 0 ? 'archive' : 'all-prerendered';
      const pool = archive.length > 0 ? archive : stories;
      if (picked === 'all-prerendered') {
        console.log(
          `  every story was prerendered: requests go to any story, served as static files, not rendered`,
        );
      }
      process.stdout.write(
        `${articles} articles, ${kind}: ${load.warmup} warm-up, then ${load.requests} requests to ` +
          `${picked === 'archive' ? 'archive' : 'any'} stories (${pool.length.toLocaleString('en-US')} to pick from), ` +
          `${load.concurrency} at a time… `,
      );
      const result = await measureLatency({
        root: roots[kind],
        paths: pool.map(storyPath),
        expect: (path) => `href="${SITE}${path}"`,
        ...load,
        seed: Number(values.seed),
        env: { NODE_COMPILE_CACHE: compileCacheOf(roots[kind]) },
      });
      latency = { ...result, picked, pool: pool.length };
      console.log(
        `p50 ${fmt(result.p50ms)} ms, p99 ${fmt(result.p99ms)} ms, ${fmt(result.requestsPerSecond, 0)} req/s, ` +
          `server ${mb(result.serverRssMB)} MB`,
      );
    }
    rows.push({
      articles,
      kind,
      pages,
      storiesPrerendered,
      bytes,
      cold: cold[kind] as BuildResult,
      ...(warm[kind] ? { warm: warm[kind] } : {}),
      ...(latency ? { latency } : {}),
    });
  }
  if (publishBuilds) {
    // One story published, then a typo fixed in an old one, in every theme site, each followed by a
    // rebuild; sites alternate as above. The published story stays for the typo fix's build, so that
    // build differs from the one before it by one word; both edits are undone afterwards.
    const themeOrder = buildOrder.filter((kind) => kind !== 'bare');
    const rowOf = (kind: SiteKind) => row(rows, articles, kind) as Row;
    const published = addMinutes(archive.newest, CLOCK_AFTER_NEWEST_MINUTES / 2);
    const story = nextStory(options, archive, published);
    for (const kind of themeOrder) {
      const edit = await publishStory(roots[kind], story);
      pendingEdits.push(edit);
      rowOf(kind).publish = await editBuild(
        roots[kind],
        'publish',
        edit,
        `${articles} articles, ${kind}: publish one story (${edit.file}, ${published})`,
      );
    }
    for (const kind of themeOrder) {
      const edit = await fixTypo(roots[kind], shared, archive.middle);
      pendingEdits.push(edit);
      rowOf(kind).typo = await editBuild(
        roots[kind],
        'typo',
        edit,
        `${articles} articles, ${kind}: typo fix (${edit.file}, ${archive.middle.published}: ` +
          `${edit.word?.from ?? ''} → ${edit.word?.to ?? ''})`,
      );
    }
    await undoEdits();
  }
  printTable();
  await writeResults();
}
console.log('\nTargets (bench/README.md):');
for (const target of TARGETS)
  console.log(`- ${target.what}: ${target.check(rows) ?? 'not measured in this run'}`);
console.log(`\nResults: ${relative(process.cwd(), join(workRoot, 'results.json'))}`);
