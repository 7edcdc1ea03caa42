import { describe, expect, it } from 'vitest';
import { faultPath, writeFault } from './write-fault.ts';

describe('writeFault', () => {
  it('names the disk refusals, through a store wrapping the driver error, and nothing else', () => {
    const erofs = Object.assign(new Error('read-only'), { code: 'EROFS', path: '/srv/c/pending/x.json' });
    expect(writeFault(erofs)).toBe('EROFS');
    expect(faultPath(erofs)).toBe('/srv/c/pending/x.json');
    const sqlite = Object.assign(new Error('unable to open database file'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 14,
    });
    const wrapped = new Error('Could not open the SQLite database /srv/c/comments.db', { cause: sqlite });
    expect(writeFault(wrapped)).toBe('SQLITE_CANTOPEN');
    expect(writeFault(Object.assign(new Error('full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 }))).toBe(
      'ENOSPC',
    );
    expect(
      writeFault(Object.assign(new Error('busy'), { code: 'ERR_SQLITE_ERROR', errcode: 5 })),
    ).toBeUndefined();
    expect(writeFault(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBeUndefined();
    expect(writeFault('EROFS')).toBeUndefined();
  });
});
