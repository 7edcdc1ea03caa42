/**
 * `pnpm lighthouse [-- --dist path/to/dist]`
 *
 * Runs Lighthouse (the npm package, its default mobile settings: a Moto G Power-sized screen, simulated
 * slow 4G and a 4× slower CPU) with Debian's Chromium against the built example, served as in
 * production, on the home page, the seed article and a section page, and prints the four category
 * scores. Build the example first (`pnpm build`). The tests import `runLighthouse()`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { exampleDist } from '../tests/helpers/paths.ts';
import { serveDist } from '../tests/helpers/serve.ts';
import { SEED_PATH } from '../tests/helpers/site.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The performance metrics the CLI prints, by column label. */
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  'Speed Index': 'speed-index',
};

/** The pages Lighthouse checks, by name. */
export const LIGHTHOUSE_PAGES: Record<string, string> = {
  home: '/',
  article: SEED_PATH,
  section: '/politics/',
};

export interface LighthouseResult {
  /** The page's name, as in {@link LIGHTHOUSE_PAGES}. */
  name: string;
  url: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Audits that lost points, per category: `id: title`. */
  failing: Record<Category, string[]>;
  /** The performance metrics as Lighthouse displays them (FCP, LCP, TBT, CLS, Speed Index). */
  metrics: Record<string, string>;
}

/** Runs Lighthouse on each page in turn, in one Chromium. */
export async function runLighthouse(pages: { name: string; url: string }[]): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'],
    logLevel: 'silent',
  });
  try {
    const results: LighthouseResult[] = [];
    for (const { name, url } of pages) {
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = runner;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
      const scores = {} as Record<Category, number>;
      const failing = {} as Record<Category, string[]>;
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = Math.round((category?.score ?? 0) * 100);
        failing[id] = (category?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .flatMap((ref) => {
            const audit = lhr.audits[ref.id];
            return audit && audit.score !== null && audit.score < 1 ? [`${audit.id}: ${audit.title}`] : [];
          });
      }
      const metrics: Record<string, string> = {};
      for (const [label, id] of Object.entries(METRICS)) metrics[label] = lhr.audits[id]?.displayValue ?? '–';
      results.push({ name, url, scores, failing, metrics });
    }
    return results;
  } finally {
    chrome.kill();
  }
}

/** Prints one row per page: the four scores. */
export function formatScores(rows: LighthouseResult[]): string {
  const header = ['page', ...CATEGORIES, ...Object.keys(METRICS)];
  const lines = rows.map((result) => [
    result.name,
    ...CATEGORIES.map((c) => String(result.scores[c])),
    ...Object.keys(METRICS).map((m) => result.metrics[m] ?? '–'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(line)].join(
    '\n',
  );
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { dist: { type: 'string' } },
  });
  const dist = values.dist ? resolve(values.dist) + '/' : exampleDist;
  if (!existsSync(`${dist}index.html`)) {
    console.error(`No built site in ${dist}: run \`pnpm build\` first.`);
    process.exit(1);
  }
  const server = await serveDist(dist);
  try {
    const rows = await runLighthouse(
      Object.entries(LIGHTHOUSE_PAGES).map(([name, path]) => ({ name, url: server.url(path) })),
    );
    console.log(`Lighthouse (mobile) on ${dist}\n`);
    console.log(formatScores(rows));
    for (const result of rows) {
      // Performance audits are summed up by the metrics above; list what costs the other categories points.
      for (const category of CATEGORIES.filter((c) => c !== 'performance')) {
        for (const audit of result.failing[category])
          console.log(`  ${result.name} · ${category} · ${audit}`);
      }
    }
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
