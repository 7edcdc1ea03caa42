/**
 * The serverless receiver of docs/en/comments.md and docs/ar/comments.md (tests/fixtures/docs-serverless, the sample as a file),
 * built as a site owner builds it from a fresh checkout: no comments/site.json is there, and nothing the
 * endpoint imports is written by the build. Served by @astrojs/node, it answers the page's own origin
 * (a local preview on 127.0.0.1) as well as the site's, and refuses any other.
 */
import { existsSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { startNodeServer, type NodeServer } from './helpers/node-server.ts';
import { tmpRoot } from './helpers/paths.ts';

const fixture = new URL('./fixtures/docs-serverless/', import.meta.url);
const root = join(tmpRoot, `docs-serverless-${process.pid}`);
let server: NodeServer | undefined;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(fixture, root, { recursive: true });
  expect(existsSync(join(root, 'comments/site.json'))).toBe(false);
  await buildOrThrow(root);
  server = await startNodeServer(join(root, 'dist/server/entry.mjs'), {
    cwd: root,
    env: { KHABAR_COMMENTS_SECRET: 'a-test-secret-of-32-characters!!' },
  });
}, 300_000);
afterAll(async () => {
  server?.stop();
  await rm(root, { recursive: true, force: true });
});

const receiver = () => {
  if (!server) throw new Error('the server did not start');
  return server.origin;
};

describe('the documented serverless receiver, from a fresh checkout', () => {
  it('gives a token for a story to a page served from a local preview', async () => {
    const origin = receiver();
    const response = await fetch(`${origin}/api/comments/token?post=first-story`, {
      headers: { Origin: origin },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('token');
  });

  it('knows the site’s posts from its content: an unknown post is refused', async () => {
    const origin = receiver();
    const response = await fetch(`${origin}/api/comments/token?post=no-such-story`, {
      headers: { Origin: origin },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a post from another origin', async () => {
    const response = await fetch(`${receiver()}/api/comments/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'https://elsewhere.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'comment_post_ID=first-story&comment=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7',
    });
    expect(response.status).toBe(403);
  });
});
