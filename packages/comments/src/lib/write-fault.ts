/**
 * Which of the disk's refusals an error is: the errno name of a file system that will not take a write
 * (a full disk, a read-only folder, a folder this user may not write), or `SQLITE_CANTOPEN` for a SQLite
 * database that cannot be opened for writing. Pure: the CLI words its message from it
 * (`cli/errors.ts`), and the SQLite store decides from it to open a database it may only read.
 */

/** The errno codes of a file system that will not take a write. */
export const WRITE_FAULT_CODES: ReadonlySet<string> = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
]);

/** SQLite's result codes (the low byte; node:sqlite puts them in `errcode`) for the same faults. */
const SQLITE_FAULTS: Readonly<Record<number, string>> = {
  3: 'EACCES',
  8: 'EROFS',
  13: 'ENOSPC',
  14: 'SQLITE_CANTOPEN',
};

/** The driver's error: a store's wrapping error ("Could not open the SQLite database …") has it as its cause. */
function driverError(error: Error): Error & { code?: unknown; errcode?: unknown; path?: unknown } {
  return !('code' in error) && error.cause instanceof Error && 'code' in error.cause ? error.cause : error;
}

/**
 * The fault's name, or undefined for an error that is not the disk's refusal.
 * @example writeFault(Object.assign(new Error('x'), { code: 'EROFS' })) // 'EROFS'
 */
export function writeFault(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, errcode } = driverError(error);
  if (typeof code === 'string' && WRITE_FAULT_CODES.has(code)) return code;
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return SQLITE_FAULTS[errcode & 0xff];
  return undefined;
}

/** The path the fault names (an errno error's `path`), if any. */
export function faultPath(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { path } = driverError(error);
  return typeof path === 'string' ? path : undefined;
}
