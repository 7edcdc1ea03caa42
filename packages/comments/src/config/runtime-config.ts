import type { KhabarCommentsOptions } from './options.ts';
import { resolveStrings, type Strings } from './strings.ts';

/** What the components need at build time, served as `virtual:khabar-comments/config`. Never the secret. */
export interface CommentsRuntimeConfig {
  /** The form's action, ending in `/`. */
  endpoint: string;
  tokenUrl: string;
  replyUrl: string;
  maxDepth: number;
  closeAfterDays: number | false;
  /** The build's clock (ISO 8601): when comments close is decided against it, never against `Date.now()`. */
  now: string;
  requireNameEmail: boolean;
  locale: string;
  timeZone: string;
  /** The environment variable holding the secret: read at build to sign the static token. */
  secretEnv: string;
  strings: Strings;
  maxLength: { author: number; email: number; url: number; comment: number };
}

/** Pure: the resolved options, and the build's clock, to the components' view of them. */
export function toRuntimeConfig(options: KhabarCommentsOptions, now: Date): CommentsRuntimeConfig {
  const endpoint = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
  return {
    endpoint,
    tokenUrl: `${endpoint}token`,
    replyUrl: `${endpoint}reply`,
    maxDepth: options.maxDepth,
    closeAfterDays: options.closeAfterDays,
    now: now.toISOString(),
    requireNameEmail: options.requireNameEmail,
    locale: options.locale,
    timeZone: options.timeZone,
    secretEnv: options.secretEnv,
    strings: resolveStrings(options.strings, options.locale),
    maxLength: {
      author: options.limits.author.chars,
      email: options.limits.email.chars,
      url: options.limits.url.chars,
      comment: options.limits.comment.chars,
    },
  };
}
