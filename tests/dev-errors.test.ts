/**
 * A frontmatter mistake saved while `astro dev` runs (a copy of tests/fixtures/minimal): the terminal
 * prints the message as plain text (no Markdown `**`), the browser's error overlay receives it through
 * Vite's HMR socket, and the story's page goes on serving its last good version until the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpRoot } from './helpers/paths.ts';

const fixture = new URL('./fixtures/minimal/', import.meta.url);
const root = join(tmpRoot, `dev-errors-${process.pid}`);
const story = join(root, 'src/content/articles/first.md');
let dev: ChildProcess | undefined;
let output = '';
let origin = '';

/** Waits until the dev server's output matches, or fails with what it printed. */
async function printed(pattern: RegExp, ms = 60_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(output);
    if (match) return match;
    if (Date.now() > until) throw new Error(`astro dev never printed ${String(pattern)}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(fixture, root, { recursive: true });
  const astro = join(
    dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  const port = String(20_000 + (process.pid % 20_000));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  // A site owner's `astro dev` has none of Vitest's variables (Astro serves no page when VITEST is set).
  for (const name of Object.keys(env))
    if (/^VITEST/.test(name) || ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(name))
      Reflect.deleteProperty(env, name);
  dev = spawn(process.execPath, [astro, 'dev', '--port', port, '--host', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  dev.stdout?.on('data', collect);
  dev.stderr?.on('data', collect);
  origin = (await printed(/(http:\/\/127\.0\.0\.1:\d+)\//))[1] ?? '';
}, 120_000);

afterAll(async () => {
  dev?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
});

const page = async () => (await fetch(`${origin}/politics/first/`)).text();

describe('a frontmatter mistake in astro dev', () => {
  it('is printed without markup, shown in the overlay, and leaves the last good page served', async () => {
    // The server answers before its routes are ready: wait for the story.
    for (let i = 0; i < 150 && !(await page()).includes('خبر أول'); i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await page(), output).toContain('خبر أول');

    // The browser's side of Vite's HMR socket, as the dev client opens it.
    const client = await (await fetch(`${origin}/@vite/client`)).text();
    const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
    expect(token).toBeDefined();
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/?token=${token ?? ''}`, 'vite-hmr');
    const errors: { message: string; loc?: { file?: string } }[] = [];
    socket.addEventListener('message', (event: MessageEvent<string>) => {
      const payload = JSON.parse(event.data) as {
        type: string;
        err?: { message: string; loc?: { file?: string } };
      };
      if (payload.type === 'error' && payload.err) errors.push(payload.err);
    });
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', reject);
    });

    const good = await readFile(story, 'utf8');
    await writeFile(
      story,
      good.replace('title: "خبر أول"\n', '').replace('section: politics', 'section: sport'),
    );
    await printed(/Failed to reload first\.md: [\s\S]*section: "sport" is not one of the site's sections/);
    const failure = output.slice(output.indexOf('Failed to reload first.md'));
    expect(failure).toMatch(/title: is required: every article needs a headline/);
    expect(failure.split('\n').slice(0, 6).join('\n')).not.toContain('**');

    for (let i = 0; i < 50 && errors.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors[0]?.message).toContain('is not one of the site');
    expect(errors[0]?.loc?.file).toContain('first.md');
    socket.close();

    // The story as it was, until the file is fixed.
    expect(await page()).toContain('خبر أول');
    await writeFile(story, good.replace('خبر أول', 'خبر أول مصحح'));
    await printed(/Reloaded data from first\.md/);
    for (let i = 0; i < 50 && !(await page()).includes('خبر أول مصحح'); i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await page()).toContain('خبر أول مصحح');
  });
});
