/**
 * The errors a site owner causes and fixes: a content file, a frontmatter field, a khabar() option.
 * Astro prints every stack frame of the error that fails a build (`astro build` formats it with the full
 * stack trace), and the frames of a theme's check are the theme's own functions (`at fail
 * (…/astro-theme-khabar/dist/content.js)`), which tell a site owner nothing the message does not. An
 * `AstroError` from 'astro/errors' (Astro's `AstroUserError`) without a stack prints as Astro's own
 * content errors do: the message, its hint, and the file under `Location:`.
 */
import { AstroError } from 'astro/errors';

/** The file (and line) an error is about, printed by Astro under `Location:`. */
export interface ErrorPlace {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export interface UserErrorOptions {
  /** What to do, printed by Astro under `Hint:`. */
  hint?: string | undefined;
  /** The site's file the error is about. */
  loc?: ErrorPlace | undefined;
}

/** A user error as thrown by the theme: Astro's user error, with `loc`, and no stack. */
export type UserError = AstroError & { loc?: ErrorPlace | undefined };

/**
 * An error in the site's content or options, printed by Astro with its message, hint and file and
 * without the theme's stack frames.
 * @example throw userError('src/content/articles/a.md is empty: …', { loc: { file: '/site/src/content/articles/a.md' } })
 */
export function userError(message: string, options: UserErrorOptions = {}): UserError {
  const error: UserError = new AstroError(message, options.hint);
  if (options.loc) error.loc = options.loc;
  // Astro prints a "Stack trace:" section for any error with a stack, and nothing without one.
  error.stack = '';
  return error;
}
