import { dirname } from 'node:path';

/**
 * What the CLI says when the disk or the terminal fails it: a full disk, a read-only folder, a folder
 * it may not write, a pipe closed by `head`. Pure: the error in, the words for the site owner out.
 */

/** The errno codes of a file system that will not take a write, and what each means. */
const REFUSED_WRITES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied: run khabar-comments as the user that owns the folder, or fix its permissions',
  EPERM: 'the operation is not permitted: check the folder’s owner and permissions',
  EROFS:
    'the file system is read-only: remount it read-write, or run the command where the store can be written',
  ENOSPC: 'the disk is full: free some space and run the command again',
  EDQUOT: 'the disk quota is used up: free some space and run the command again',
};

/** SQLite's result codes for the same faults (node:sqlite puts them in `errcode`). */
const SQLITE_REFUSED: Readonly<Record<number, string>> = {
  3: 'EACCES',
  8: 'EROFS',
  13: 'ENOSPC',
  14: 'SQLITE_CANTOPEN',
};

const SQLITE_CANTOPEN =
  'the database cannot be opened for writing: check that its folder exists, that this user may write it, and that it is not on a read-only file system';

/**
 * The message for an error that is the disk's fault, naming the file or folder and the fix; undefined
 * for any other error. `store` names the store for errors that carry no path (SQLite's).
 */
export function describeWriteError(error: unknown, store: string | undefined): string | undefined {
  if (!(error instanceof Error)) return undefined;
  // The stores wrap the driver's error ("Could not open the SQLite database …") with it as the cause.
  const fault =
    !('code' in error) && error.cause instanceof Error && 'code' in error.cause ? error.cause : error;
  const { code, path, errcode } = fault as Error & { code?: unknown; path?: unknown; errcode?: unknown };
  let errno = typeof code === 'string' && code in REFUSED_WRITES ? code : undefined;
  if (!errno && code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number')
    errno = SQLITE_REFUSED[errcode & 0xff];
  if (!errno) return undefined;
  if (errno === 'SQLITE_CANTOPEN')
    return `khabar-comments: ${store ?? 'the SQLite database'}: ${SQLITE_CANTOPEN}.`;
  // The folder, which is what the owner can fix (a file's own path is in the folder it names).
  const where =
    typeof path === 'string'
      ? path.endsWith('.db')
        ? path
        : dirname(path)
      : (store ?? 'the comments store');
  return `khabar-comments: ${where}: ${REFUSED_WRITES[errno] ?? ''} (${errno}).`;
}

/** True for the error a write to a closed pipe gives (`khabar-comments list | head`). */
export function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE';
}
