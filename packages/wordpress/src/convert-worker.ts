/**
 * The thread that reads the export's items and converts each post's text (`postText`: paragraphs,
 * shortcodes, turndown) while the import's own thread maps, writes and stores the posts before it
 * (convert-thread.ts). Reading and converting are most of an import's work and need nothing of what
 * the import decides as it goes (slugs, which pictures it copied), so a second core does them.
 *
 * Items go out in batches, at most `AHEAD` batches ahead of the import, so a slow disk never lets the
 * converted posts pile up in memory.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { postText, skipReason, type Degradation } from './lib/article.ts';
import type { ContentContext } from './lib/content.ts';
import { attachedTo, galleryAttachment, pictureFile, pictureSource, storyAsset } from './lib/pictures.ts';
import type { ConvertedItem, ConvertSetup, FromConverter } from './convert-thread.ts';
import { readWxr, WxrError } from './wxr/reader.ts';

/** Items a batch. */
const BATCH = 32;
/** Batches sent and not yet taken by the import. */
const AHEAD = 4;

if (!parentPort) throw new Error('convert-worker.ts runs as a worker thread (convert-thread.ts starts it)');
const port = parentPort;
const setup = workerData as ConvertSetup;

let credit = AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
  wake = undefined;
});

const post = (message: FromConverter) => {
  port.postMessage(message);
};

async function send(items: ConvertedItem[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ type: 'items', items });
}

async function run(): Promise<void> {
  const { index, uploads, outcomes } = setup;
  let images: string[] = [];
  // One context for the whole export: turndown's rules are built once for it (lib/content.ts).
  const context: ContentContext = {
    attachment: (id) => galleryAttachment(index, id),
    attachedTo: (postId) => attachedTo(index, postId),
    // What the import's context.image gives (import.ts), without copying or reporting anything: the
    // import asks again for each of these URLs, in order, when it maps the post (mapPost's `prepared`).
    image: (url) => {
      images.push(url);
      const { file } = pictureFile(index, url);
      if (!file) return url;
      return pictureSource(file, uploads, outcomes) ? storyAsset(file) : url;
    },
  };
  let batch: ConvertedItem[] = [];
  const stream = createReadStream(setup.input, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  for await (const event of readWxr(stream)) {
    if (event.type !== 'item') continue;
    const { item } = event;
    if (item.postType === 'post' && !skipReason(item)) {
      images = [];
      const degraded: Degradation[] = [];
      const text = postText(item, context, degraded);
      // The import needs the post's text no more: only its Markdown goes across.
      batch.push({ item: { ...item, content: '', excerpt: '' }, prepared: { ...text, degraded, images } });
    } else if (item.postType === 'page' || item.postType === 'post') batch.push({ item });
    else batch.push({ item: { ...item, content: '', excerpt: '', comments: [] } });
    if (batch.length >= BATCH) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  post({ type: 'done' });
}

run().catch((error: unknown) => {
  const failure = error instanceof Error ? error : new Error(String(error));
  post({
    type: 'error',
    error: {
      message: failure.message,
      stack: failure.stack ?? '',
      ...(failure instanceof WxrError
        ? {
            wxr: {
              code: failure.code,
              itemsRead: failure.itemsRead,
              line: failure.line,
              lastItem: failure.lastItem,
            },
          }
        : {}),
    },
  });
});
