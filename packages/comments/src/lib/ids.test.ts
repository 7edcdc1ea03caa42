import { describe, expect, it } from 'vitest';
import { COMMENT_ID } from '../store/comment.ts';
import { newCommentId } from './ids.ts';

describe('newCommentId', () => {
  it('is well-formed, sorts by time, and does not repeat across refills of its random pool', () => {
    const t = Date.UTC(2016, 11, 1, 12);
    const ids = Array.from({ length: 5000 }, (_, i) => newCommentId(t + i));
    for (const id of ids) expect(id).toMatch(COMMENT_ID);
    expect(ids.toSorted()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(9))).size).toBeGreaterThan(4990);
    expect(newCommentId(t).slice(0, 8)).toBe(t.toString(36).padStart(8, '0'));
  });
});
