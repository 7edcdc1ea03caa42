import { describe, expect, it } from 'vitest';
import {
  countByPost,
  replyDepth,
  threadComments,
  type ThreadNode,
  type ThreadableComment,
} from './thread.ts';

const c = (id: string, parentId: string | null, minute: number, postId = 'p'): ThreadableComment => ({
  id,
  parentId,
  postId,
  createdAt: new Date(Date.UTC(2016, 11, 1, 10, minute)).toISOString(),
});

const shape = (nodes: ThreadNode<ThreadableComment>[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.comment.id]: shape(n.children) } : n.comment.id));

describe('threadComments', () => {
  it('threads per post, oldest first', () => {
    const list = [
      c('b', null, 2),
      c('a', null, 1),
      c('a1', 'a', 3),
      c('x', null, 0, 'other'),
      c('a2', 'a', 4),
    ];
    expect(shape(threadComments(list, 'p'))).toEqual([{ a: ['a1', 'a2'] }, 'b']);
  });
  it('attaches replies beyond maxDepth at the deepest level', () => {
    const list = [c('1', null, 1), c('2', '1', 2), c('3', '2', 3), c('4', '3', 4)];
    const nodes = threadComments(list, 'p', 2);
    expect(shape(nodes)).toEqual([{ 1: ['2', '3', '4'] }]);
    expect(nodes[0]?.children.map((n) => n.depth)).toEqual([2, 2, 2]);
    expect(shape(threadComments(list, 'p', 1))).toEqual(['1', '2', '3', '4']);
  });
  it('makes orphans and forged cycles top-level', () => {
    expect(shape(threadComments([c('a', 'gone', 1), c('x', 'y', 2), c('y', 'x', 3)], 'p'))).toEqual([
      'a',
      { y: ['x'] },
    ]);
  });
  it('counts and measures depth', () => {
    const list = [c('1', null, 1), c('2', '1', 2), c('3', null, 3, 'q')];
    expect(countByPost(list)).toEqual(
      new Map([
        ['p', 2],
        ['q', 1],
      ]),
    );
    expect(replyDepth(list, '2', 'p')).toBe(3);
    expect(replyDepth(list, '3', 'p')).toBeUndefined();
  });
});
