#!/usr/bin/env node
/**
 * `khabar-comments`: run the receiver and moderate from a terminal.
 *
 *   khabar-comments serve [--store sqlite:./comments/comments.db] --port 8787 [--origin https://news.example]
 *   khabar-comments list [--status pending] [--post <id>] [--json]
 *   khabar-comments show <id>
 *   khabar-comments approve|spam|trash|delete <id>…
 *   khabar-comments export [--status approved] [--private] [--out comments.json]
 *   khabar-comments migrate --from file:./comments --to sqlite:./comments/comments.db
 *   khabar-comments passwd [--print]   (the password of the receiver's /moderate page)
 *
 * Every command takes `--store` (see `store/spec.ts`). The commands live by group in `cli/`:
 * `serve.ts` (the receiver), `moderate.ts` (moderation and export), `migrate.ts` (moving stores) and
 * `passwd.ts` (the moderation page's password).
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KhabarCommentsConfigError } from './config/friendly-errors.ts';
import { readManifest } from './manifest.ts';
import { chooseStore, openStore } from './store/open.ts';
import { migrate } from './cli/migrate.ts';
import { MODERATION_COMMANDS, moderate, type ModerationCommand } from './cli/moderate.ts';
import { passwd, processSecretInput } from './cli/passwd.ts';
import { serve } from './cli/serve.ts';
import { HELP, parseFlags, UsageError, type CliIo } from './cli/usage.ts';
import { describeWriteError, isBrokenPipe } from './cli/errors.ts';
import { describeStore } from './store/spec.ts';

export { formatComment } from './cli/moderate.ts';
export type { CliIo } from './cli/usage.ts';

function isModeration(command: string): command is ModerationCommand {
  return (MODERATION_COMMANDS as readonly string[]).includes(command);
}

/** The store the last command used, named for an error that carries no path (SQLite's). */
let lastStore: string | undefined;

/** Runs the CLI; resolves to the exit code (serve resolves only when the server stops). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseFlags(rest);
  if (command === 'migrate') return migrate(values, io);
  if (command === 'passwd') return passwd(values, io);
  if (command !== 'serve' && !isModeration(command))
    throw new UsageError(`Unknown command "${command}". Run khabar-comments help.`);
  const dir = resolve(io.cwd, values.dir);
  const manifest = await readManifest(dir);
  const choice = chooseStore({
    flag: values.store,
    env: io.env['KHABAR_COMMENTS_STORE'],
    manifest: manifest?.store,
    dir,
    cwd: io.cwd,
  });
  lastStore = describeStore(choice.spec);
  const store = await openStore(choice.spec);
  if (command === 'serve')
    // serve closes the store when the server stops; a mistake in its flags closes it here.
    return serve(values, dir, store, choice, manifest, io).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
  try {
    return await moderate(command, values, positionals, store, manifest, io);
  } finally {
    await store.close();
  }
}

function isEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  // `khabar-comments list | head`: the reader has what they wanted; stop quietly, and successfully.
  process.stdout.on('error', (error) => {
    if (isBrokenPipe(error)) process.exit(0);
    throw error;
  });
  main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    secret: processSecretInput(),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      const refused = describeWriteError(error, lastStore);
      if (refused) process.stderr.write(`${refused}\n`);
      else if (error instanceof UsageError || error instanceof KhabarCommentsConfigError)
        process.stderr.write(`${error.message}\n`);
      else if (
        error instanceof Error &&
        error.name === 'TypeError' &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS')
      ) {
        process.stderr.write(`${error.message}\nRun khabar-comments help.\n`);
      } else
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
