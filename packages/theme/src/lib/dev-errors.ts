/**
 * Content errors in `astro dev`. Astro's glob loader catches an error of a file that changed and prints
 * `Failed to reload <file>: <message>` with the message as Astro wrote it for its error overlay, in
 * Markdown (`**title**: is required`), and keeps the last good entry, so the page goes on showing the
 * story as it was. The theme prints the message as plain text and hands it to the dev server, which shows
 * it in Astro's error overlay over that stale page (integrations/dev-errors.ts).
 */

/** Where the dev server listens for the content errors the loaders report (one per process). */
export const DEV_CONTENT_ERRORS = Symbol.for('astro-theme-khabar:dev-content-errors');

/** A content error as the overlay shows it: its text, and the file and line it is about. */
export interface DevContentError {
  message: string;
  loc?: { file?: string | undefined; line?: number | undefined; column?: number | undefined } | undefined;
}

/**
 * A message without the Markdown emphasis Astro writes for its overlay.
 * @example plainMessage('**articles → a** data does not match collection schema.\n\n  **title**: is required') // 'articles → a data does not match collection schema.\n\n  title: is required'
 */
export function plainMessage(message: string): string {
  return message.replace(/\*\*([^*\n]*)\*\*/g, '$1');
}

/**
 * The error as the terminal and the overlay should show it: the same error, its message plain and, when
 * Astro gave none, located at the file that failed.
 */
export function devContentError(error: unknown, file: string | undefined): Error & DevContentError {
  const found = error instanceof Error ? error : new Error(String(error));
  const located = found as Error & DevContentError;
  located.message = plainMessage(found.message);
  if (!located.loc && file) located.loc = { file };
  return located;
}
