import type { HookParameters } from 'astro';
import { localeWithExtensions } from '../lib/format/index.ts';
import { themeFile } from './theme-files.ts';
import type { KhabarConfig } from '../config/user-config.ts';
import { userError } from '../lib/user-error.ts';

/**
 * Adds the khabar-comments integration when the site turned comments on, with the newsroom's locale,
 * digits and time zone unless the site set its own. khabar-comments is an optional peer dependency:
 * it is loaded only here, so a site without comments never needs it.
 */
/**
 * What of the comments' options changes an article page between builds, for its `cacheKey`
 * (`runtime/cache-keys.ts`): when comments close, and — when the build signs a token into every form —
 * how many days that token is accepted.
 */
export interface CommentRules {
  closeAfterDays: number | false;
  /** Days a build-time token is good for; 0 when forms carry none (no secret at build). */
  tokenDays: number;
}

export async function setupComments(
  config: KhabarConfig,
  { updateConfig, config: astroConfig }: HookParameters<'astro:config:setup'>,
  /** The build's clock (ISO), so a story's comments close by the same "now" as the rest of the site. */
  clock: string,
): Promise<CommentRules | undefined> {
  if (config.comments === false) return undefined;
  const own = astroConfig.integrations.some((integration) => integration.name === 'khabar-comments');
  let mod: typeof import('khabar-comments');
  try {
    mod = await import('khabar-comments');
  } catch (cause) {
    throw userError('khabar() has `comments` options, but the khabar-comments package is not installed.', {
      hint: `Install it beside the theme: npm install khabar-comments (${(cause as Error).message.split('\n')[0] ?? ''})`,
    });
  }
  const options = {
    locale: localeWithExtensions(config.locale, { digits: config.digits }),
    timeZone: config.timeZone,
    // The stories that take comments, computed from the articles collection during the build.
    posts: themeFile('src/runtime/comment-posts.ts'),
    ...config.comments,
    // One clock for the whole build: the theme's, unless the site pinned the comments' own.
    now: config.comments.now ?? clock,
  };
  if (!own) updateConfig({ integrations: [mod.default(options)] });
  const parsed = mod.parseIntegrationOptions(options);
  return {
    closeAfterDays: parsed.closeAfterDays,
    tokenDays: process.env[parsed.secretEnv] ? parsed.limits.staticMaxDays : 0,
  };
}
