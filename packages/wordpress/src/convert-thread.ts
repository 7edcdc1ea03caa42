/**
 * The import's side of the converting thread (convert-worker.ts): starts it, and hands on the items it
 * reads, in the export's order, each post with its text converted (`PreparedText`). The worker reads
 * ahead by a few batches only; a batch taken is acknowledged, and the worker sends the next.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedText } from './lib/article.ts';
import type { MediaOutcome } from './lib/fetch-media.ts';
import type { AttachmentIndex } from './lib/pictures.ts';
import { WxrError, type WxrErrorCode } from './wxr/reader.ts';
import type { WxrItem } from './wxr/types.ts';

/** What the worker needs: the export, and what pass one learned of its pictures. */
export interface ConvertSetup {
  input: string;
  index: AttachmentIndex;
  /** The uploads folder, resolved. */
  uploads: string | undefined;
  /** --fetch-media's downloads, by uploads path. */
  outcomes: ReadonlyMap<string, MediaOutcome> | undefined;
}

/**
 * An item of the export. A post to import comes with its text converted, and without its `content` and
 * `excerpt` (used up); another type (an attachment, a menu item) comes without them or its comments.
 */
export interface ConvertedItem {
  item: WxrItem;
  prepared?: PreparedText;
}

export type FromConverter =
  | { type: 'items'; items: ConvertedItem[] }
  | { type: 'done' }
  | {
      type: 'error';
      error: {
        message: string;
        stack: string;
        wxr?: {
          code: WxrErrorCode;
          itemsRead: number;
          line: number;
          lastItem: { postId: string; title: string } | undefined;
        };
      };
    };

// Beside this module: convert-worker.ts in the sources (Node strips its types), .js once built.
const workerFile = new URL(`./convert-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** The export's items, in order, read and converted in a worker thread. */
export async function* convertedItems(setup: ConvertSetup): AsyncGenerator<ConvertedItem> {
  const worker = new Worker(workerFile, { workerData: setup });
  const inbox: FromConverter[] = [];
  let wake: (() => void) | undefined;
  let stopped: Error | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: FromConverter) => {
    inbox.push(message);
    arrive();
  });
  worker.on('error', (error) => {
    stopped ??= error;
    arrive();
  });
  worker.on('exit', (code) => {
    stopped ??= new Error(`The thread converting the posts stopped (exit code ${code})`);
    arrive();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (stopped) throw stopped;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      if (message.type === 'error') {
        const { wxr, message: text, stack } = message.error;
        const error = wxr ? new WxrError(wxr.code, text, wxr) : new Error(text);
        error.stack = stack;
        throw error;
      }
      yield* message.items;
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}
