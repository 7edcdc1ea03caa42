/**
 * `pnpm bench:comments`: accepted submissions per second and latency percentiles through the real
 * receiver (`dist/cli.js serve`) on loopback, for each store (the file store, SQLite, and PostgreSQL
 * when KHABAR_TEST_POSTGRES names a server) at several concurrency levels, each on a fresh store.
 * Figures only: nothing here is asserted, because timings depend on the machine.
 *
 * Each submission is a distinct reader (behind a trusted proxy at 127.0.0.1, so flood control counts
 * them apart) with a valid time token, so every one is accepted and written durably (fsync or commit).
 *
 *   BENCH_STORES=file,sqlite,postgres  BENCH_LEVELS=1,16,64  BENCH_REQUESTS=2000
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken } from '../src/lib/token.ts';
import { ManifestSchema } from '../src/config/options.ts';
import { writeManifest } from '../src/manifest.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SECRET = 'bench-secret-0123456789abcdef0123';
const ORIGIN = 'https://news.example';
const POST = 'روسيا-سوريا';
const LEVELS = (process.env['BENCH_LEVELS'] ?? '1,16,64').split(',').map(Number);
const POSTGRES = process.env['KHABAR_TEST_POSTGRES'];
const STORES = (process.env['BENCH_STORES'] ?? `file,sqlite${POSTGRES ? ',postgres' : ''}`).split(',');
const PER_LEVEL = Number(process.env['BENCH_REQUESTS'] ?? 2000);

function post(url: string, body: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A fresh store of a kind, for one run: a folder's file store or database, or a PostgreSQL schema. */
function storeFor(kind: string, dir: string, run: number): string {
  if (kind === 'file') return `file:${dir}`;
  if (kind === 'sqlite') return `sqlite:${join(dir, 'comments.db')}`;
  if (kind === 'postgres') {
    if (!POSTGRES)
      throw new Error('BENCH_STORES has postgres: set KHABAR_TEST_POSTGRES (bash scripts/postgres.sh start)');
    const url = new URL(POSTGRES);
    url.searchParams.set('schema', `khabar_bench_${process.pid}_${run}`);
    return url.toString();
  }
  throw new Error(`Unknown store "${kind}" in BENCH_STORES (file, sqlite, postgres)`);
}

async function dropBenchSchemas(): Promise<void> {
  if (!POSTGRES) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'khabar_bench_%'",
  );
  for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  await client.end();
}

async function startServer(dir: string, store: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/cli.js'),
      'serve',
      '--dir',
      dir,
      '--store',
      store,
      '--port',
      '0',
      '--trusted-proxy',
      '127.0.0.1',
    ],
    {
      env: { ...process.env, KHABAR_COMMENTS_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /receiving comments at (http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => {
      reject(new Error(`server exited ${code}`));
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const tmp = join(root, 'bench/.tmp');
  await mkdir(tmp, { recursive: true });
  const rows: string[][] = [];
  let reader = 0;
  let run = 0;
  const loadBefore = loadavg()[0] ?? 0;
  for (const kind of STORES)
    for (const concurrency of LEVELS) {
      const dir = await mkdtemp(join(tmp, 'run-'));
      // The rules' defaults come from the schema, as a build's site.json would carry them.
      await writeManifest(
        dir,
        ManifestSchema.parse({
          version: 1,
          generatedAt: new Date().toISOString(),
          origins: [ORIGIN],
          endpoint: '/',
          posts: [{ id: POST, url: '/politics/x/', title: 'روسيا', closed: false }],
        }),
      );
      const server = await startServer(dir, storeFor(kind, dir, ++run));
      const token = await issueToken(SECRET, POST, Date.now() - 10_000);
      const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      const latencies: number[] = [];
      let accepted = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < PER_LEVEL) {
            next++;
            const i = ++reader;
            const body = JSON.stringify({
              author: `قارئ ${i}`,
              email: `reader${i}@example.com`,
              comment: `تعليق رقم ${i}: نص عربي قصير مع **تأكيد** ورابط https://example.com/${i}`,
              comment_post_ID: POST,
              khabar_token: token,
            });
            const t = performance.now();
            const status = await post(
              `${server.url}/`,
              body,
              {
                'content-type': 'application/json',
                accept: 'application/json',
                origin: ORIGIN,
                'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
              },
              agent,
            );
            latencies.push(performance.now() - t);
            if (status === 201) accepted++;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      agent.destroy();
      server.stop();
      latencies.sort((a, b) => a - b);
      rows.push([
        kind,
        String(concurrency),
        String(PER_LEVEL),
        String(accepted),
        (accepted / seconds).toFixed(0),
        percentile(latencies, 50).toFixed(1),
        percentile(latencies, 99).toFixed(1),
        (percentile(latencies, 99) / Math.max(0.001, percentile(latencies, 50))).toFixed(1),
      ]);
      await rm(dir, { recursive: true, force: true });
    }
  await dropBenchSchemas();
  const head = ['store', 'concurrency', 'requests', 'accepted', 'accepted/s', 'p50 ms', 'p99 ms', 'p99/p50'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
  const load = loadavg().map((n) => n.toFixed(2));
  console.log(
    `\nkhabar-comments receiver on loopback: Node ${process.version}, ${cpus().length} CPU(s); load average ${loadBefore.toFixed(2)} before, ${load.join(' ')} after\n`,
  );
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

await main();
