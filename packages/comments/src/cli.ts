#!/usr/bin/env node
/**
 * `khabar-comments`: run the receiver and moderate from a terminal.
 *
 *   khabar-comments serve --dir comments --port 8787 [--origin https://news.example]
 *   khabar-comments list [--status pending] [--post <id>] [--json]
 *   khabar-comments show <id>
 *   khabar-comments approve|spam|trash|delete <id>…
 *   khabar-comments export [--status approved] [--private] > comments.json
 *
 * The commands live by group in `cli/`: `serve.ts` (the receiver) and `moderate.ts` (the rest).
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KhabarCommentsConfigError } from './config/friendly-errors.ts';
import { readManifest } from './manifest.ts';
import { FileStore } from './store/fs.ts';
import { MODERATION_COMMANDS, moderate, type ModerationCommand } from './cli/moderate.ts';
import { serve } from './cli/serve.ts';
import { HELP, parseFlags, UsageError, type CliIo } from './cli/usage.ts';

export { formatComment } from './cli/moderate.ts';
export type { CliIo } from './cli/usage.ts';

function isModeration(command: string): command is ModerationCommand {
  return (MODERATION_COMMANDS as readonly string[]).includes(command);
}

/** Runs the CLI; resolves to the exit code (serve resolves only when the server stops). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command ? 0 : 1;
  }
  const { values, positionals } = parseFlags(rest);
  const dir = resolve(io.cwd, values.dir);
  const store = new FileStore(dir);
  const manifest = await readManifest(dir);
  if (command === 'serve') return serve(values, dir, store, manifest, io);
  if (isModeration(command)) return moderate(command, values, positionals, store, manifest, io);
  throw new UsageError(`Unknown command "${command}". Run khabar-comments help.`);
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
  main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof KhabarCommentsConfigError)
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
