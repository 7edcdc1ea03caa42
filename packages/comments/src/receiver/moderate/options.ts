/**
 * The options of `/moderate`, the moderation page: `createHandler({ moderator: { … } })`, which
 * `khabar-comments serve` fills from the environment, the comments folder and `site.json`.
 */
import { z } from 'astro/zod';
import type { Manifest } from '../../config/options.ts';
import { KhabarCommentsConfigError, parseOptions } from '../../config/friendly-errors.ts';
import { isTimeZone } from '../../lib/date.ts';
import { parsePasswordHash } from '../../lib/password.ts';
import { auditLine, type AuditEntry } from './audit.ts';

/** What can be checked once, when the handler is made. */
export const ModeratorSettingsSchema = z
  .object({
    /** The newsroom's time zone, for the comments' times. @example 'Asia/Damascus' */
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as "Asia/Damascus"')
      .default('UTC'),
    /**
     * Where browsers reach the receiver, when a proxy in front of it changes the URL it sees: an
     * `https:` URL makes the session cookie `__Secure-`, and its origin is accepted on form posts.
     * @example 'https://comments.news.example/'
     */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** A session ends after this many minutes without a request. @example 60 */
    idleMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** And this many hours after the login, whatever happens. @example 12 */
    maxHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Login attempts: per address, for everyone together, per window of `windowSeconds`. */
    loginLimits: z
      .object({
        perAddress: z.number().int().min(1).default(5),
        global: z.number().int().min(1).default(30),
        windowSeconds: z.number().int().min(1).default(60),
      })
      .strict()
      .prefault({}),
    /** Comments per page. @example 50 */
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ModeratorSettings = z.infer<typeof ModeratorSettingsSchema>;

/** Reads the password hash, each time it is needed, so a new one applies without a restart. */
export type PasswordHashSource = () => string | undefined | Promise<string | undefined>;

export interface ModeratorOptions extends z.input<typeof ModeratorSettingsSchema> {
  /**
   * The moderator's password hash, from `khabar-comments passwd` (`$scrypt$…`), or a function reading it.
   * Without one, `/moderate` explains how to set it and lets nobody in.
   */
  passwordHash?: string | PasswordHashSource | undefined;
  /**
   * Where each action is recorded (one entry per login, refusal and action). By default a line on the
   * handler's logger (`info`, else `warn`); `serve` prints it and appends it to `moderation-audit.log`.
   */
  audit?: ((entry: AuditEntry) => void | Promise<void>) | undefined;
}

export interface ResolvedModerator extends ModeratorSettings {
  passwordHash: PasswordHashSource;
  audit: (entry: AuditEntry) => void | Promise<void>;
}

/** Checks the options (errors name the field at fault) and fills in the defaults. */
export function resolveModerator(
  options: ModeratorOptions = {},
  logger: Pick<Console, 'warn'> & Partial<Pick<Console, 'info'>> = console,
): ResolvedModerator {
  const { passwordHash, audit, ...settings } = options;
  if (typeof passwordHash === 'string' && passwordHash.trim()) {
    const parsed = parsePasswordHash(passwordHash);
    if ('problem' in parsed)
      throw new KhabarCommentsConfigError(
        `Invalid khabar-comments moderator options\n- moderator.passwordHash ${parsed.problem}`,
        'Give it what `khabar-comments passwd --print` prints.',
      );
  }
  const log = typeof logger.info === 'function' ? logger.info.bind(logger) : logger.warn.bind(logger);
  const parsed = parseOptions(
    ModeratorSettingsSchema,
    settings,
    'Invalid khabar-comments moderator options',
    'Check the `moderator` option passed to createHandler(); the README lists its fields.',
  );
  return {
    ...parsed,
    passwordHash: typeof passwordHash === 'function' ? passwordHash : () => passwordHash,
    audit:
      audit ??
      ((entry) => {
        log(auditLine(entry));
      }),
  };
}

/**
 * Where browsers reach the receiver, as the site's build knows it: the `endpoint` option, absolute or a
 * path on the site's first origin.
 */
export function publicUrlOf(manifest: Manifest | undefined, origins: readonly string[]): string | undefined {
  const endpoint = manifest?.endpoint;
  if (!endpoint) return undefined;
  if (/^https?:\/\//.test(endpoint)) return URL.canParse(endpoint) ? endpoint : undefined;
  const site = origins[0];
  return site && URL.canParse(endpoint, site) ? new URL(endpoint, site).href : undefined;
}
