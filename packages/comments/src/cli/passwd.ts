/**
 * `khabar-comments passwd`: sets the password of `/moderate`. It reads the password twice from a
 * terminal without echo (or once, the first line, from a pipe), and writes its scrypt hash into the
 * comments folder, where `serve` reads it at each login; `--print` prints the hash instead, for
 * KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH. The password itself is never written anywhere.
 */
import { resolve } from 'node:path';
import { hashPassword, MAX_PASSWORD_CHARS } from '../lib/password.ts';
import { charLength } from '../lib/text.ts';
import { PASSWORD_HASH_ENV, writePasswordHash } from '../receiver/moderate/password-file.ts';
import { UsageError, type CliIo, type Flags } from './usage.ts';

/** The shortest password accepted, in characters. */
export const MIN_PASSWORD_CHARS = 12;

export async function passwd(flags: Flags, io: CliIo): Promise<number> {
  if (!io.secret) throw new UsageError('passwd needs a terminal or a password on stdin.');
  const password = await io.secret.read('New moderator password: ');
  const length = charLength(password);
  if (length < MIN_PASSWORD_CHARS)
    throw new UsageError(
      `The password must be at least ${MIN_PASSWORD_CHARS} characters long (it has ${length}).`,
    );
  if (length > MAX_PASSWORD_CHARS)
    throw new UsageError(`The password must be at most ${MAX_PASSWORD_CHARS} characters long.`);
  if (io.secret.interactive && (await io.secret.read('Repeat it: ')) !== password) {
    io.err('The two passwords differ; nothing was changed.');
    return 1;
  }
  const hash = await hashPassword(password);
  if (flags.print) {
    io.out(hash);
    return 0;
  }
  const file = await writePasswordHash(resolve(io.cwd, flags.dir), hash);
  io.out(
    `The moderator password is set: its scrypt hash is in ${file} (readable by you only). The receiver's /moderate page accepts it at once; sessions opened with the old password have ended.`,
  );
  if (io.env[PASSWORD_HASH_ENV])
    io.err(
      `note: ${PASSWORD_HASH_ENV} is set in this environment, and a receiver started with it uses it, not the file.`,
    );
  return 0;
}

/** Reads a line from a terminal in raw mode, echoing nothing. */
function readHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  let value = '';
  return new Promise((done, fail) => {
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          done(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          fail(new UsageError('Cancelled; nothing was changed.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.replace(/[\s\S]$/u, '');
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a piped stdin (`printf '%s\n' "$PASSWORD" | khabar-comments passwd`). */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * `CliIo.secret` over the process's stdin: hidden on a terminal, the first line of a pipe. Stdin is
 * touched only when `passwd` reads, so no other command opens it.
 */
export function processSecretInput(
  input: () => NodeJS.ReadStream = () => process.stdin,
  output: () => NodeJS.WriteStream = () => process.stderr,
): NonNullable<CliIo['secret']> {
  let piped: Promise<string> | undefined;
  return {
    get interactive() {
      return input().isTTY;
    },
    read(prompt) {
      const stdin = input();
      if (stdin.isTTY) return readHidden(prompt, stdin, output());
      piped ??= readFirstLine(stdin);
      return piped;
    },
  };
}
