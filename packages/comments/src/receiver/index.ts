/**
 * The receiver as one Web-standard handler: `(Request) => Promise<Response>`. It runs unchanged under
 * `khabar-comments serve` (Node's http), as an Astro endpoint on an SSR adapter, or on a serverless
 * platform. It is three parts: the router (`router.ts`), the submission pipeline of named checks
 * (`submit/`) and the responder (`respond.ts`, with the pages of `pages.ts`).
 */
import { createReceiver, type HandlerOptions } from './context.ts';
import { createRouter, type CommentsHandler } from './router.ts';

export type { HandlerContext, HandlerOptions, PostsSource } from './context.ts';
export type { CommentsHandler } from './router.ts';

/** Creates the receiver. Options are validated at once, with errors that name the option at fault. */
export function createHandler(options: HandlerOptions): CommentsHandler {
  return createRouter(createReceiver(options));
}
