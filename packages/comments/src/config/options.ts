import { z } from 'astro/zod';
import { isAddressOrRange } from '../lib/address.ts';
import { isTimeZone } from '../lib/date.ts';
import { StoreSpecSchema } from '../store/spec.ts';

const limit = (chars: number, bytes: number) =>
  z
    .object({
      /** Most characters (code points). */
      chars: z.number().int().positive().default(chars),
      /** Most UTF-8 bytes (Arabic letters take two). */
      bytes: z.number().int().positive().default(bytes),
    })
    .strict()
    .prefault({});

/** Limits on what a reader can send, with WordPress's numbers as defaults. */
export const LimitsSchema = z
  .object({
    /** @example { chars: 245, bytes: 980 } */
    author: limit(245, 980),
    email: limit(100, 100),
    url: limit(200, 200),
    /** WordPress counts 65,525 bytes for a comment. */
    comment: limit(65_525, 65_525),
    /** The whole request body, in bytes, before anything is parsed. @example 262144 */
    bodyBytes: z.number().int().min(1024).default(262_144),
    /** A form submitted sooner than this after its live token was issued is refused (seconds). */
    minSeconds: z.number().min(0).default(3),
    /** A live token (fetched by the enhancement script) expires after this (seconds). */
    maxSeconds: z.number().positive().default(86_400),
    /** A static token (written into the page at build) expires after this many days. */
    staticMaxDays: z.number().positive().default(30),
    /** One comment per this many seconds from the same address (WordPress: 15). */
    floodSeconds: z.number().min(0).default(15),
  })
  .strict()
  .prefault({});
export type Limits = z.infer<typeof LimitsSchema>;

const origin = z
  .url()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ''), {
    error: 'must be an origin: scheme, host and port only, e.g. "https://news.example"',
  })
  .transform((value) => (URL.canParse(value) ? new URL(value).origin : value));

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const ipOrCidr = z
  .string()
  .refine(isAddressOrRange, 'must be an IP address or a CIDR range such as "10.0.0.0/8"');

/** The rules every receiver enforces; shared by the integration, the handler and the CLI. */
export const PolicySchema = z.object({
  /**
   * Threading depth: a reply to a comment at this depth is refused. WordPress: 5 by default, 10 at most.
   * @example 5
   */
  maxDepth: z.number().int().min(1).max(10).default(5),
  /**
   * Close comments this many days after the article's publication date; `false` keeps them open.
   * @example 14
   */
  closeAfterDays: z.union([z.literal(false), z.number().int().positive()]).default(false),
  /**
   * `all`: every comment waits for a moderator (the default). `previously-approved`: a reader with an
   * approved comment (same keyed e-mail hash) is approved at once. `none`: approve everything.
   */
  moderation: z.enum(['all', 'previously-approved', 'none']).default('all'),
  /** Require a name and an e-mail address, as WordPress does by default. */
  requireNameEmail: z.boolean().default(true),
  /**
   * Proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges). Empty: the socket's peer is
   * the client. @example ['127.0.0.1', '10.0.0.0/8']
   */
  trustedProxies: z.array(ipOrCidr).default([]),
  /** A URL to POST to after a comment is approved, so the site rebuilds. @example 'https://api.netlify.com/build_hooks/…' */
  deployHook: z.url().optional(),
  limits: LimitsSchema,
  /**
   * The site's locale: the language of the strings (`ar`, `fa` or `ur`; others fall back to Arabic) and
   * of the receiver's pages (`lang`, `dir`), and the digits of dates and numbers. Pin the digits.
   * @example 'ar-SY-u-nu-arab'
   */
  locale: z.string().refine(isLocale, 'must be a BCP 47 locale such as "ar-EG" or "fa-IR"').default('ar'),
});

/** Options of `createHandler()` and `khabar-comments serve`. */
export const ReceiverOptionsSchema = PolicySchema.extend({
  /** Origins of the site's pages: only these may post, and redirects go only there. @example ['https://news.example'] */
  origins: z.array(origin).min(1, 'list at least one site origin, e.g. ["https://news.example"]'),
  /** The secret that signs time tokens and keys avatar hashes: 16 characters or more. */
  secret: z.string().min(16, 'must be at least 16 characters; generate one with `openssl rand -hex 32`'),
  /**
   * The path prefix the handler is mounted on; `token` and `reply` routes live under it.
   * @example '/api/comments/'
   */
  basePath: z
    .string()
    .regex(/^\/([^?#]*\/)?$/, 'must start and end with "/", e.g. "/api/comments/"')
    .default('/'),
  /**
   * The receiver's public URL, as readers' browsers reach it (behind a TLS proxy, its `https://` address):
   * the receiver's own pages (the reply form, the error page's "send again") post there. Unset, it is
   * learned from `X-Forwarded-Proto` and `X-Forwarded-Host` when the request comes through one of
   * `trustedProxies`, else from the request itself. `khabar-comments serve` takes the site's `endpoint`
   * when that is an absolute URL.
   * @example 'https://comments.news.example/'
   */
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. "https://comments.news.example/"' })
    .refine((value) => URL.canParse(value) && !new URL(value).search && !new URL(value).hash, {
      error: 'must be a URL without "?" or "#", e.g. "https://comments.news.example/"',
    })
    .optional(),
}).strict();
export type ReceiverUserOptions = z.input<typeof ReceiverOptionsSchema>;
export type ReceiverOptions = z.infer<typeof ReceiverOptionsSchema>;

/** Options of the `khabarComments()` Astro integration. */
export const IntegrationOptionsSchema = PolicySchema.extend({
  /**
   * Where the form posts: the receiver's URL, absolute or a path on the site.
   * @example 'https://comments.news.example/' or '/api/comments/'
   */
  endpoint: z.string().refine((value) => value.startsWith('/') || /^https?:\/\//.test(value), {
    error: 'must be an http(s) URL or a path starting with "/"',
  }),
  /** Site origins the receiver accepts; defaults to the origin of Astro's `site`. */
  origins: z.array(origin).optional(),
  /**
   * The posts that take comments: a module whose default export, `({ now, closeAfterDays }) => Post[]`
   * (or a promise of them), lists them from the site's content collections. A path from the project root
   * or a package specifier. The build runs it and writes the list into `site.json` for the receiver;
   * without it, `site.json` lists no posts and the receiver refuses every comment.
   * @example './src/comment-posts.ts'
   */
  posts: z.string().min(1).optional(),
  /**
   * The build's clock: the instant against which `closeAfterDays` closes posts, for the components,
   * the `posts` module and `site.json`'s `generatedAt`. An ISO 8601 instant with its offset; by default,
   * the moment the integration is set up. The Khabar theme passes its own build clock.
   * @example '2016-12-01T12:00:00+03:00'
   */
  now: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 instant, e.g. "2016-12-01T12:00:00+03:00"' })
    .optional(),
  /**
   * The comments folder, relative to the project root: the build writes `site.json` there for the
   * receiver, and, when `store` is not set, the store is found there (its `comments.db`, or the file
   * store it holds; a new site gets `comments.db`). @example 'comments'
   */
  dir: z.string().min(1).default('comments'),
  /**
   * Where comments are stored, which the receiver, the CLI and the build's loader all use:
   * `'sqlite:<file>'`, `'file:<folder>'`, `'postgres://user@host/db'` (its password is never written
   * into `site.json`), or `'export:<file or URL>'` for a build that reads an export. Paths are relative
   * to the project root. By default, found in `dir`.
   * @example 'sqlite:comments/comments.db'
   */
  store: StoreSpecSchema.optional(),
  /** The environment variable that holds the secret (never put the secret in the config file). */
  secretEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .default('KHABAR_COMMENTS_SECRET'),
  /**
   * The newsroom's time zone for comment dates: the printed date and the `<time datetime>` value, which
   * carries this zone's offset as the articles' do (the theme passes its own). @example 'Asia/Damascus'
   */
  timeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as "Asia/Damascus" or "UTC"')
    .default('UTC'),
  /**
   * Overrides of any string of `translations/<lang>.json` (`ar`, `fa`, `ur`), by key. Placeholders are
   * named, as in the file: `{name}`, `{count}`, `{field}`, `{max}`.
   * @example { 'form.title': 'شاركنا رأيك', 'form.titleReply': 'ردّك على {name}' }
   */
  strings: z.record(z.string(), z.string()).default({}),
}).strict();
export type KhabarCommentsUserOptions = z.input<typeof IntegrationOptionsSchema>;
export type KhabarCommentsOptions = z.infer<typeof IntegrationOptionsSchema>;

/** A post the receiver accepts comments for, from the site's build. */
export const PostSchema = z
  .object({
    id: z.string().min(1),
    /** The site path of the article, percent-encoded. @example '/politics/%D8%B1…/' */
    url: z.string().startsWith('/'),
    title: z.string().default(''),
    /** Publication time (ISO 8601), for `closeAfterDays`. */
    published: z.string().optional(),
    /** Closed by the site regardless of age. */
    closed: z.boolean().default(false),
  })
  .strict();
export type Post = z.infer<typeof PostSchema>;

/** What the default export of the `posts` module receives: the build's clock and the closing rule. */
export interface PostsContext {
  now: Date;
  closeAfterDays: number | false;
}

/** The default export of the `posts` module. `commentPost()` (from `khabar-comments/lib`) builds each. */
export type PostsFunction = (context: PostsContext) => readonly Post[] | Promise<readonly Post[]>;

/** `site.json`, written into the comments folder at each build: the posts and the rules, never the secret. */
export const ManifestSchema = PolicySchema.extend({
  version: z.literal(1),
  generatedAt: z.string(),
  origins: z.array(z.string()),
  endpoint: z.string(),
  /** The site's overrides of the strings, by key, so the receiver's messages match the form's. */
  strings: z.record(z.string(), z.string()).default({}),
  /** The store the site uses, paths relative to this file's folder; absent: the folder's default. */
  store: StoreSpecSchema.optional(),
  /** The newsroom's time zone, for the times on the moderation page. */
  timeZone: z.string().default('UTC'),
  posts: z.array(PostSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
