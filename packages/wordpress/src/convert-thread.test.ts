import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { convertedItems, type ConvertSetup } from './convert-thread.ts';
import { postText, skipReason, type Degradation } from './lib/article.ts';
import type { ContentContext } from './lib/content.ts';
import { attachedTo, galleryAttachment, type AttachmentIndex } from './lib/pictures.ts';
import { readWxr, WxrError } from './wxr/reader.ts';
import type { WxrItem } from './wxr/types.ts';

const input = fileURLToPath(new URL('../test/fixtures/arabic-newsroom/export.xml', import.meta.url));
const folder = await mkdtemp(join(tmpdir(), 'khabar-convert-thread-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

async function itemsOf(path: string): Promise<WxrItem[]> {
  const items: WxrItem[] = [];
  for await (const event of readWxr(createReadStream(path, { encoding: 'utf8' })))
    if (event.type === 'item') items.push(event.item);
  return items;
}

const noIndex = (): AttachmentIndex => ({
  attachments: new Map(),
  attachmentIds: new Map(),
  attached: new Map(),
});

describe('the converting thread', () => {
  it('hands on every item in order, each post to import with the text postText gives in this thread', async () => {
    const read = await itemsOf(input);
    const index = noIndex();
    const setup: ConvertSetup = { input, index, uploads: undefined, outcomes: undefined };
    const urls: string[] = [];
    const context: ContentContext = {
      attachment: (id) => galleryAttachment(index, id),
      attachedTo: (postId) => attachedTo(index, postId),
      image: (url) => {
        urls.push(url);
        return url;
      },
    };
    const handed = [];
    for await (const converted of convertedItems(setup)) handed.push(converted);
    expect(handed.map(({ item }) => item.postId)).toEqual(read.map((item) => item.postId));
    let posts = 0;
    for (const [n, { item, prepared }] of handed.entries()) {
      const original = read[n];
      if (!original) throw new Error(`item ${n} is missing`);
      if (original.postType !== 'post' || skipReason(original)) {
        expect(prepared).toBeUndefined();
        continue;
      }
      posts++;
      urls.length = 0;
      const degraded: Degradation[] = [];
      const here = postText(original, context, degraded);
      expect(prepared).toEqual({ ...here, degraded, images: urls });
      expect(item).toEqual({ ...original, content: '', excerpt: '' });
    }
    expect(posts).toBeGreaterThan(1);
  });

  it('gives back a truncated export as the reader’s own WxrError', async () => {
    const text = await readFile(input, 'utf8');
    const cut = join(folder, 'cut.xml');
    await writeFile(cut, text.slice(0, text.lastIndexOf('<item>') + 200));
    let handed = 0;
    const error = await (async () => {
      const setup = { input: cut, index: noIndex(), uploads: undefined, outcomes: undefined };
      for await (const converted of convertedItems(setup)) if (converted.item.postId) handed++;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).code).toBe('truncated');
    expect((error as WxrError).itemsRead).toBeGreaterThan(0);
    expect(handed).toBeLessThanOrEqual((error as WxrError).itemsRead);
  });
});
