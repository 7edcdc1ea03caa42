/** Threading approved comments per post: pure, so the site and the tests share it. */

/** The fields threading needs; the loader's entries and stored comments both have them. */
export interface ThreadableComment {
  id: string;
  postId: string;
  parentId: string | null;
  createdAt: string;
}

export interface ThreadNode<C extends ThreadableComment> {
  comment: C;
  /** 1 for a top-level comment. */
  depth: number;
  children: ThreadNode<C>[];
}

/**
 * The comments of one post as a tree, oldest first at every level. A reply whose parent is not in the
 * list (trashed, or not approved) becomes top-level; replies deeper than `maxDepth` are attached at the
 * deepest allowed level, as WordPress displays them.
 */
export function threadComments<C extends ThreadableComment>(
  comments: readonly C[],
  postId: string,
  maxDepth = 5,
): ThreadNode<C>[] {
  const mine = comments
    .filter((c) => c.postId === postId)
    .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const nodes = new Map<string, ThreadNode<C>>();
  for (const comment of mine) nodes.set(comment.id, { comment, depth: 1, children: [] });
  const roots: ThreadNode<C>[] = [];
  for (const comment of mine) {
    const node = nodes.get(comment.id);
    if (!node) continue;
    let parent = comment.parentId ? nodes.get(comment.parentId) : undefined;
    // A parent that is this node's descendant (a forged cycle) cannot be its parent.
    if (parent && (parent === node || isDescendant(parent, node))) parent = undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    parent.children.push(node);
  }
  return limitDepth(roots, Math.max(1, maxDepth));
}

function isDescendant<C extends ThreadableComment>(
  candidate: ThreadNode<C>,
  ancestor: ThreadNode<C>,
): boolean {
  const stack = [...ancestor.children];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    if (next === candidate) return true;
    stack.push(...next.children);
  }
  return false;
}

function limitDepth<C extends ThreadableComment>(roots: ThreadNode<C>[], maxDepth: number): ThreadNode<C>[] {
  // Walk the tree; at the deepest allowed level, every descendant is listed (in time order) as a sibling.
  if (maxDepth === 1) {
    const all: ThreadNode<C>[] = [];
    const collect = (items: ThreadNode<C>[]) => {
      for (const item of items) {
        all.push({ comment: item.comment, depth: 1, children: [] });
        collect(item.children);
      }
    };
    collect(roots);
    return all.sort((a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt));
  }
  const walk = (list: ThreadNode<C>[], depth: number): ThreadNode<C>[] =>
    list.map((node) => {
      if (depth >= maxDepth) {
        return { comment: node.comment, depth, children: [] };
      }
      if (depth + 1 === maxDepth) {
        const flat: ThreadNode<C>[] = [];
        const collect = (items: ThreadNode<C>[]) => {
          for (const item of items) {
            flat.push({ comment: item.comment, depth: maxDepth, children: [] });
            collect(item.children);
          }
        };
        collect(node.children);
        flat.sort((a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt));
        return { comment: node.comment, depth, children: flat };
      }
      return { comment: node.comment, depth, children: walk(node.children, depth + 1) };
    });
  return walk(roots, 1);
}

/** How many comments each post has, by post id. */
export function countByPost(comments: readonly ThreadableComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) counts.set(c.postId, (counts.get(c.postId) ?? 0) + 1);
  return counts;
}

/** The depth a reply to `parentId` would have, or undefined when the parent is not among `comments`. */
export function replyDepth(
  comments: readonly ThreadableComment[],
  parentId: string,
  postId: string,
): number | undefined {
  const byId = new Map(comments.map((c) => [c.id, c]));
  let depth = 1;
  let current = byId.get(parentId);
  if (!current || current.postId !== postId) return undefined;
  const seen = new Set<string>();
  while (current) {
    if (seen.has(current.id)) return undefined;
    seen.add(current.id);
    depth++;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return depth;
}
