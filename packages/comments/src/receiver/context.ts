/**
 * What every part of the receiver shares, built once by `createHandler`: the validated options, the
 * strings in the site's language, the store, the posts, the clock and the in-process state (flood
 * control, submissions being written).
 */
import { parseOptions } from '../config/friendly-errors.ts';
import {
  ReceiverOptionsSchema,
  type Post,
  type ReceiverOptions,
  type ReceiverUserOptions,
} from '../config/options.ts';
import { pageLanguage, resolveStrings, type PageLanguage, type Strings } from '../config/strings.ts';
import { MemoryFloodGuard, type FloodGuard } from '../lib/flood.ts';
import type { TokenPolicy } from '../lib/token.ts';
import type { StoredComment } from '../store/comment.ts';
import type { CommentStore } from '../store/types.ts';
import { resolveModerator, type ModeratorOptions, type ResolvedModerator } from './moderate/options.ts';

/** Where the receiver finds the site's posts: a list, or a lookup (for example over a manifest file). */
export type PostsSource = readonly Post[] | ((id: string) => Post | undefined | Promise<Post | undefined>);

export interface HandlerOptions extends ReceiverUserOptions {
  store: CommentStore;
  posts: PostsSource;
  /**
   * Flood control shared across requests: the store's own when it keeps one (SQLite, PostgreSQL: shared
   * by every receiver on the database), otherwise in-process.
   */
  flood?: FloodGuard;
  /** The clock, in milliseconds. */
  now?: () => number;
  /** Overrides of the strings of `translations/<lang>.json`, by key. */
  strings?: Partial<Record<string, string>> | undefined;
  /** Called after a comment is stored (for logs). */
  onAccepted?: (comment: StoredComment) => void;
  /** Where warnings go. */
  logger?: Pick<Console, 'warn' | 'error'>;
  /** Calls the deploy hook (tests replace it). */
  fetch?: typeof fetch;
  /** The moderation page, `/moderate` under the base path: its password hash, time zone, audit. */
  moderator?: ModeratorOptions | undefined;
}

/** What the platform knows that a `Request` does not: the peer address of the connection. */
export interface HandlerContext {
  clientAddress?: string | undefined;
}

export interface Receiver {
  config: ReceiverOptions;
  store: CommentStore;
  findPost: (id: string) => Promise<Post | undefined>;
  flood: FloodGuard;
  now: () => number;
  logger: Pick<Console, 'warn' | 'error'>;
  strings: Strings;
  language: PageLanguage;
  /** The origins allowed to post. */
  allowed: ReadonlySet<string>;
  tokenPolicy: TokenPolicy;
  /** Duplicate keys of the submissions being written right now. */
  inFlight: Set<string>;
  onAccepted: ((comment: StoredComment) => void) | undefined;
  /** POSTs the deploy hook, if there is one, without waiting. */
  deploy: () => void;
  /** What calls the deploy hook (`/moderate` waits for its answer). */
  fetch: typeof fetch;
  /** The moderation page's settings. */
  moderator: ResolvedModerator;
  /** Warns, once per receiver, that flood control is off for want of an address. */
  warnNoAddress: () => void;
}

/**
 * The site's posts cannot be looked up (a broken `site.json` and no good one before it, a lookup that
 * failed): the receiver answers 503 in the reader's language, and the cause goes to the log.
 */
export class PostsUnavailableError extends Error {
  override name = 'PostsUnavailableError';
}

/** Validates the options (errors name the option at fault) and builds the shared state. */
export function createReceiver(options: HandlerOptions): Receiver {
  const { store, posts, logger = console } = options;
  const doFetch = options.fetch ?? fetch;
  const config: ReceiverOptions = parseOptions(
    ReceiverOptionsSchema,
    {
      origins: options.origins,
      secret: options.secret,
      basePath: options.basePath,
      publicUrl: options.publicUrl,
      maxDepth: options.maxDepth,
      closeAfterDays: options.closeAfterDays,
      moderation: options.moderation,
      requireNameEmail: options.requireNameEmail,
      trustedProxies: options.trustedProxies,
      deployHook: options.deployHook,
      limits: options.limits,
      locale: options.locale,
    },
    'Invalid khabar-comments receiver options',
    'Check the options passed to createHandler() or `khabar-comments serve`; the README lists them.',
  );
  let warned = false;
  return {
    config,
    store,
    findPost: async (id) => {
      if (typeof posts !== 'function') return posts.find((post) => post.id === id);
      try {
        return await posts(id);
      } catch (error) {
        throw new PostsUnavailableError(error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
    },
    flood: options.flood ?? store.flood ?? new MemoryFloodGuard(),
    now: options.now ?? Date.now,
    logger,
    strings: resolveStrings(options.strings, config.locale),
    language: pageLanguage(config.locale),
    allowed: new Set(config.origins),
    tokenPolicy: {
      minSeconds: config.limits.minSeconds,
      maxSeconds: config.limits.maxSeconds,
      staticMaxSeconds: config.limits.staticMaxDays * 86_400,
    },
    inFlight: new Set(),
    onAccepted: options.onAccepted,
    fetch: doFetch,
    moderator: resolveModerator(options.moderator, logger),
    deploy: () => {
      if (!config.deployHook) return;
      doFetch(config.deployHook, { method: 'POST', signal: AbortSignal.timeout(10_000) }).catch(
        (error: unknown) => {
          logger.warn(`khabar-comments: the deploy hook failed: ${String(error)}`);
        },
      );
    },
    warnNoAddress: () => {
      if (warned) return;
      warned = true;
      logger.warn(
        'khabar-comments: no client address is known, so flood control is off. Pass clientAddress to the handler.',
      );
    },
  };
}
