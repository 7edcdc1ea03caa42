import { describe, expect, it } from 'vitest';
import { defaultMaxConnections, openFileLimit } from './node.ts';

describe('the connection cap', () => {
  const limits = (soft: string) =>
    `Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${soft}                 1048576              files\n`;
  it('reads the open-file limit Linux gives the process', () => {
    expect(openFileLimit(limits('1024'))).toBe(1024);
    expect(openFileLimit(limits('unlimited'))).toBeUndefined();
    expect(openFileLimit(undefined)).toBeUndefined();
  });
  it('keeps 128 files back for the store, and never goes below 64', () => {
    expect(defaultMaxConnections(1024)).toBe(896);
    expect(defaultMaxConnections(100)).toBe(64);
    expect(defaultMaxConnections(undefined)).toBe(4096);
  });
});
