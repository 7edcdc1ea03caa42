/**
 * Where `khabar-comments serve` finds the moderator's password hash: the environment variable
 * `KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH` when it is set (several receivers, serverless), else the
 * file `moderator-password.hash` that `khabar-comments passwd` writes into the comments folder, read
 * again at each use so a new password applies without a restart.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { KhabarCommentsConfigError } from '../../config/friendly-errors.ts';
import { parsePasswordHash } from '../../lib/password.ts';
import { writeSynced } from '../../store/durable.ts';
import type { PasswordHashSource } from './options.ts';

export const PASSWORD_HASH_ENV = 'KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH';
export const PASSWORD_HASH_FILE = 'moderator-password.hash';
/** The audit file `serve` appends to, in the same folder. */
export const AUDIT_FILE = 'moderation-audit.log';

/** The hash from the environment (checked now) or from the folder's file (checked at each read). */
export function passwordHashSource(
  env: NodeJS.ProcessEnv,
  dir: string,
  logger: Pick<Console, 'error'>,
): PasswordHashSource {
  const fromEnv = env[PASSWORD_HASH_ENV]?.trim();
  if (fromEnv) {
    const parsed = parsePasswordHash(fromEnv);
    if ('problem' in parsed)
      throw new KhabarCommentsConfigError(
        `The environment variable ${PASSWORD_HASH_ENV} ${parsed.problem}.`,
        `Set it to what \`khabar-comments passwd --print\` prints, or unset it to use ${join(dir, PASSWORD_HASH_FILE)}.`,
      );
    return () => fromEnv;
  }
  const file = join(dir, PASSWORD_HASH_FILE);
  let reported: string | undefined;
  return async () => {
    let text: string;
    try {
      text = (await readFile(file, 'utf8')).trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && reported !== String(error)) {
        reported = String(error);
        logger.error(`khabar-comments: cannot read the moderator password hash ${file}: ${reported}`);
      }
      return undefined;
    }
    if (!text) return undefined;
    const parsed = parsePasswordHash(text);
    if ('problem' in parsed) {
      if (reported !== text) {
        reported = text;
        logger.error(
          `khabar-comments: ${file} ${parsed.problem}; /moderate lets nobody in until \`khabar-comments passwd\` writes it again.`,
        );
      }
      return undefined;
    }
    return text;
  };
}

/** Writes the hash atomically, readable by its owner only. Resolves to the file's path. */
export async function writePasswordHash(dir: string, hash: string): Promise<string> {
  const file = join(dir, PASSWORD_HASH_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeSynced(tmp, `${hash}\n`, { mode: 0o600, flag: 'w' });
  await rename(tmp, file);
  return file;
}
