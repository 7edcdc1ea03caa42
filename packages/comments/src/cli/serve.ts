/** `khabar-comments serve`: the receiver on Node, with its settings from `site.json` unless flags say otherwise. */
import { join, resolve } from 'node:path';
import type { Manifest } from '../config/options.ts';
import { startNodeServer } from '../adapters/node.ts';
import { ManifestPosts } from '../manifest.ts';
import { createHandler } from '../receiver/index.ts';
import { appendAudit, auditLine } from '../receiver/moderate/audit.ts';
import { publicUrlOf } from '../receiver/moderate/options.ts';
import { AUDIT_FILE, PASSWORD_HASH_ENV, passwordHashSource } from '../receiver/moderate/password-file.ts';
import { keepExportCurrent } from '../store/export.ts';
import type { OpenStore, StoreChoice } from '../store/open.ts';
import { describeStore } from '../store/spec.ts';
import { UsageError, type CliIo, type Flags } from './usage.ts';

/** The site's `endpoint` when it is an absolute URL: where readers' browsers reach the receiver. */
function absoluteEndpoint(endpoint: string | undefined): string | undefined {
  return endpoint && /^https?:\/\//.test(endpoint) && URL.canParse(endpoint) ? endpoint : undefined;
}

export async function serve(
  flags: Flags,
  dir: string,
  store: OpenStore,
  choice: StoreChoice,
  manifest: Manifest | undefined,
  io: CliIo,
): Promise<number> {
  if (choice.spec.kind === 'export')
    throw new UsageError(
      `The receiver cannot store comments in ${describeStore(choice.spec)} (an export is read-only): give it --store sqlite:…, file:… or postgres://…`,
    );
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
  const writeProblem = (store as { writeProblem?: () => string | undefined }).writeProblem?.();
  if (writeProblem)
    io.err(
      `warning: ${describeStore(choice.spec)} can be read but not written (${writeProblem}): every comment posted is answered 503, and nothing is stored, until it can be written.`,
    );
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const closeAfter = flags['close-after-days'];
  if (choice.from === 'default' && choice.spec.kind === 'file')
    io.err(
      `note: ${dir} holds a file store, used as before. To move it to SQLite: khabar-comments migrate --from file:${dir} --to sqlite:${dir}/comments.db`,
    );
  const exporter = flags.export
    ? keepExportCurrent(store, resolve(io.cwd, flags.export), { logger: { error: io.err } })
    : undefined;
  await exporter?.refresh();
  const passwordHash = passwordHashSource(io.env, dir, { error: io.err });
  const auditFile = join(dir, AUDIT_FILE);
  const writeAudit = appendAudit(auditFile);
  const trustedProxies = flags['trusted-proxy'] ?? manifest?.trustedProxies;
  const handler = createHandler({
    store,
    onAccepted: (comment) => {
      if (comment.status === 'approved') void exporter?.refresh();
    },
    posts: posts.lookup,
    origins,
    secret,
    basePath: flags['base-path'],
    publicUrl: flags['public-url'] ?? absoluteEndpoint(manifest?.endpoint),
    trustedProxies,
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
    moderator: {
      passwordHash,
      timeZone: manifest?.timeZone,
      publicUrl: flags['public-url'] ?? publicUrlOf(manifest, origins),
      audit: async (entry) => {
        io.out(auditLine(entry));
        await writeAudit(entry);
      },
    },
  });
  const server = await startNodeServer({
    handler,
    port: Number(flags.port),
    host: flags.host,
    trustedProxies: trustedProxies ?? [],
  });
  io.out(
    `khabar-comments: receiving comments at ${server.url}${flags['base-path'] ?? '/'} (store ${describeStore(choice.spec)}; origins ${origins.join(', ')})`,
  );
  const hasPassword = Boolean(await passwordHash());
  io.out(
    `khabar-comments: moderation at ${server.url}${flags['base-path'] ?? '/'}moderate (${
      hasPassword
        ? `password from ${io.env[PASSWORD_HASH_ENV] ? PASSWORD_HASH_ENV : join(dir, 'moderator-password.hash')}`
        : 'no password yet: run khabar-comments passwd'
    }; audit in ${auditFile})`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      void server
        .close()
        .then(() => exporter?.stop())
        .then(() => store.close())
        .then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
