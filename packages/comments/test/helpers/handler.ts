/**
 * The receiver's tests share one harness: a store, a clock they move by hand, the deploy hooks called,
 * and a handler built over them with the options a test changes. The store is a MemoryStore, or, with
 * KHABAR_TEST_STORE=sqlite (or =postgres, with KHABAR_TEST_POSTGRES), a fresh database for each test:
 * `KHABAR_TEST_STORE=sqlite npx vitest run --project unit packages/comments/src/receiver` runs every
 * receiver test (the hostile requests and fields among them) on SQLite.
 */
import { expect } from 'vitest';
import type { Post } from '../../src/config/options.ts';
import { issueToken } from '../../src/lib/token.ts';
import { createHandler, type HandlerOptions } from '../../src/receiver/index.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory.ts';
import { openStore, type OpenStore } from '../../src/store/open.ts';
import type { CommentStore } from '../../src/store/types.ts';
import { freshSchemaUrl } from './postgres.ts';

export const SECRET = 'handler-test-secret-0123456789';
export const ORIGIN = 'https://news.example';
export const T0 = Date.UTC(2016, 11, 1, 12);
export const POSTS: Post[] = [
  {
    id: 'روسيا-سوريا',
    url: '/politics/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/',
    title: 'روسيا',
    published: '2016-12-01T07:00:00.000Z',
    closed: false,
  },
  { id: 'other', url: '/other/', title: 'أخرى', closed: false },
  { id: 'closed', url: '/closed/', title: 'مغلق', closed: true },
];
export const POST = POSTS[0]?.id ?? '';

/** The harness's state; `resetHarness` gives each test a fresh one. */
export const h = { store: new MemoryStore() as CommentStore, clock: T0, hooks: [] as string[] };

const kind = process.env['KHABAR_TEST_STORE'] ?? 'memory';
let opened: OpenStore | undefined;

async function freshStore(): Promise<CommentStore> {
  if (kind === 'sqlite')
    return openStore(`sqlite:${join(await mkdtemp(join(tmpdir(), 'khabar-harness-')), 'comments.db')}`);
  if (kind === 'postgres') {
    const url = process.env['KHABAR_TEST_POSTGRES'];
    if (!url) throw new Error('KHABAR_TEST_STORE=postgres needs KHABAR_TEST_POSTGRES');
    return openStore(freshSchemaUrl(url));
  }
  return new MemoryStore();
}

export async function resetHarness(): Promise<void> {
  await opened?.close();
  opened = undefined;
  const store = await freshStore();
  if (kind !== 'memory') opened = store as OpenStore;
  h.store = store;
  h.clock = T0;
  h.hooks = [];
}

export function make(overrides: Partial<HandlerOptions> = {}) {
  return createHandler({
    store: h.store,
    posts: POSTS,
    origins: [ORIGIN],
    secret: SECRET,
    now: () => h.clock,
    logger: { warn: () => undefined, error: () => undefined },
    fetch: (input) => {
      h.hooks.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response('ok'));
    },
    ...overrides,
  });
}

export async function liveToken(postId = POST, age = 10_000): Promise<string> {
  return issueToken(SECRET, postId, h.clock - age);
}

export async function validFields(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    author: 'سارة',
    email: 'sara@example.com',
    url: '',
    comment: 'تعليق **مفيد** على الخبر',
    comment_post_ID: POST,
    comment_parent: '0',
    khabar_token: await liveToken(),
    subject: '',
    ...extra,
  };
}

export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

export interface PostOptions {
  headers?: Record<string, string>;
  body?: BodyInit;
  address?: string;
  json?: boolean;
}

export async function post(
  handler: ReturnType<typeof make>,
  fields: Record<string, string> | null,
  options: PostOptions = {},
) {
  const json = options.json ?? false;
  const headers: Record<string, string> = {
    origin: ORIGIN,
    'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  const body = options.body ?? (json ? JSON.stringify(fields) : formBody(fields ?? {}));
  const request = new Request('https://comments.news.example/', { method: 'POST', headers, body });
  return handler(request, { clientAddress: options.address ?? '203.0.113.5' });
}

export async function expectRefused(response: Response, status: number, code?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  if (code) {
    if (response.headers.get('content-type')?.startsWith('application/json'))
      expect((JSON.parse(text) as { code?: unknown }).code).toBe(code);
  }
  expect(await h.store.list()).toEqual([]);
  return text;
}
