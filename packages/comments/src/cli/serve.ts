/** `khabar-comments serve`: the receiver on Node, with its settings from `site.json` unless flags say otherwise. */
import type { Manifest } from '../config/options.ts';
import { startNodeServer } from '../adapters/node.ts';
import { ManifestPosts } from '../manifest.ts';
import { createHandler } from '../receiver/index.ts';
import type { FileStore } from '../store/fs.ts';
import { UsageError, type CliIo, type Flags } from './usage.ts';

export async function serve(
  flags: Flags,
  dir: string,
  store: FileStore,
  manifest: Manifest | undefined,
  io: CliIo,
): Promise<number> {
  const secretEnv = flags['secret-env'];
  const secret = io.env[secretEnv];
  if (!secret)
    throw new UsageError(
      `Set the secret in the environment variable ${secretEnv} (e.g. \`export ${secretEnv}=$(openssl rand -hex 32)\`).`,
    );
  const origins = flags.origin ?? manifest?.origins ?? [];
  if (origins.length === 0)
    throw new UsageError(
      'Give the site origin with --origin https://news.example (or build the site first so site.json exists).',
    );
  const posts = new ManifestPosts(dir);
  if (!manifest)
    io.err(`warning: ${dir}/site.json does not exist yet: no post accepts comments until the site is built.`);
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const closeAfter = flags['close-after-days'];
  const handler = createHandler({
    store,
    posts: posts.lookup,
    origins,
    secret,
    basePath: flags['base-path'],
    trustedProxies: flags['trusted-proxy'] ?? manifest?.trustedProxies,
    moderation: (flags.moderation ?? manifest?.moderation) as
      'all' | 'previously-approved' | 'none' | undefined,
    maxDepth: number(flags['max-depth']) ?? manifest?.maxDepth,
    closeAfterDays:
      closeAfter === undefined
        ? manifest?.closeAfterDays
        : closeAfter === 'false'
          ? false
          : Number(closeAfter),
    requireNameEmail: manifest?.requireNameEmail,
    deployHook: flags['deploy-hook'] ?? io.env['KHABAR_COMMENTS_DEPLOY_HOOK'] ?? manifest?.deployHook,
    limits: manifest?.limits,
    locale: manifest?.locale,
    strings: manifest?.strings,
  });
  await store.init();
  const server = await startNodeServer({ handler, port: Number(flags.port), host: flags.host });
  io.out(
    `khabar-comments: receiving comments at ${server.url}${flags['base-path'] ?? '/'} (folder ${dir}; origins ${origins.join(', ')})`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
