import { dirname } from 'node:path';
import { faultPath, writeFault } from '../lib/write-fault.ts';

/**
 * What the CLI says when the disk or the terminal fails it: a full disk, a read-only folder, a folder
 * it may not write, a pipe closed by `head`. Pure: the error in, the words for the site owner out.
 */

/** What each of the disk's refusals (`lib/write-fault.ts`) means, for the site owner. */
const REFUSED_WRITES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied: run khabar-comments as the user that owns the folder, or fix its permissions',
  EPERM: 'the operation is not permitted: check the folder’s owner and permissions',
  EROFS:
    'the file system is read-only: remount it read-write, or run the command where the store can be written',
  ENOSPC: 'the disk is full: free some space and run the command again',
  EDQUOT: 'the disk quota is used up: free some space and run the command again',
};

const SQLITE_CANTOPEN =
  'the database cannot be opened for writing: check that its folder exists, that this user may write it, and that it is not on a read-only file system';

/**
 * The message for an error that is the disk's fault, naming the file or folder and the fix; undefined
 * for any other error. `store` names the store for errors that carry no path (SQLite's).
 */
export function describeWriteError(error: unknown, store: string | undefined): string | undefined {
  const errno = writeFault(error);
  const path = faultPath(error);
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
