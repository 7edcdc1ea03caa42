/**
 * Called from `astro:server:setup`: the content errors the loaders report in `astro dev`
 * (lib/dev-errors.ts) go to the browser as Vite error payloads, which Astro shows in its error overlay
 * over the page (the page itself stays the last good one until the file is fixed).
 */
import type { HookParameters } from 'astro';
import { DEV_CONTENT_ERRORS, type DevContentError } from '../lib/dev-errors.ts';

type DevServer = HookParameters<'astro:server:setup'>['server'];

export function overlayContentErrors(server: DevServer): void {
  const send = (error: DevContentError) => {
    server.environments.client.hot.send({
      type: 'error',
      err: {
        message: error.message,
        stack: '',
        plugin: 'astro-theme-khabar',
        ...(error.loc?.file && {
          loc: { file: error.loc.file, line: error.loc.line ?? 1, column: error.loc.column ?? 1 },
        }),
      },
    });
  };
  (globalThis as Record<symbol, unknown>)[DEV_CONTENT_ERRORS] = send;
}
