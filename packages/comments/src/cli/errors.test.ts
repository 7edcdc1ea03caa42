import { describe, expect, it } from 'vitest';
import { describeWriteError, isBrokenPipe } from './errors.ts';

const fsError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: x, rename '${path}'`), { code, path });

describe('what the CLI says when the disk refuses a write', () => {
  it('names the folder and the fix for EACCES, EROFS and ENOSPC', () => {
    expect(describeWriteError(fsError('EROFS', '/srv/comments/pending/a.json'), undefined)).toBe(
      'khabar-comments: /srv/comments/pending: the file system is read-only: remount it read-write, or run the command where the store can be written (EROFS).',
    );
    expect(describeWriteError(fsError('EACCES', '/srv/comments/.tmp/x.tmp'), undefined)).toContain(
      'khabar-comments: /srv/comments/.tmp: permission denied',
    );
    expect(describeWriteError(fsError('ENOSPC', '/srv/comments/private/a.json'), undefined)).toContain(
      'the disk is full',
    );
  });
  it('names the store for SQLite, whose errors carry no path', () => {
    const error = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 8,
    });
    expect(describeWriteError(error, 'sqlite:/srv/comments/comments.db')).toContain(
      'khabar-comments: sqlite:/srv/comments/comments.db: the file system is read-only',
    );
  });
  it('leaves every other error alone', () => {
    expect(describeWriteError(new Error('boom'), undefined)).toBeUndefined();
    expect(describeWriteError(fsError('ENOENT', '/x'), undefined)).toBeUndefined();
    expect(isBrokenPipe(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe(true);
  });
  it('explains a SQLite database that cannot be opened for writing, wrapped by the store', () => {
    const cause = Object.assign(new Error('unable to open database file'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 14,
    });
    const error = new Error('Could not open the SQLite database /srv/c/comments.db: …', { cause });
    expect(describeWriteError(error, 'sqlite:/srv/c/comments.db')).toBe(
      'khabar-comments: sqlite:/srv/c/comments.db: the database cannot be opened for writing: check that its folder exists, that this user may write it, and that it is not on a read-only file system.',
    );
  });
});
