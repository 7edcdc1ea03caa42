/**
 * What a re-run does with each file it would write into a site, decided from three digests: the file
 * as it is in the site, as the last import wrote it (the manifest), and as this import would write it.
 * Pure: the caller reads the digests and carries the decisions out.
 */

export type FileAction =
  /** Not in the site, never written by an import: write it. */
  | 'create'
  /** As the last import wrote it, and the export changed it: write the new version. */
  | 'update'
  /** Already what this import would write: leave it. */
  | 'unchanged'
  /** Changed in the site since the last import: keep the owner's version. */
  | 'keep-edit'
  /** Written by an earlier import and since deleted from the site: leave it deleted. */
  | 'keep-deleted'
  /** In the site, and never written by an import: the owner's own file. */
  | 'foreign';

export interface FileState {
  /** The digest of the file in the site, or undefined when there is none. */
  current: string | undefined;
  /** The digest the manifest recorded when an import last wrote it, or undefined. */
  recorded: string | undefined;
  /** The digest of what this import would write. */
  next: string;
}

export interface Decision {
  action: FileAction;
  /**
   * True when the owner's edit (or deletion) is kept although the export changed the file too: the
   * report lists these, as the two versions now differ.
   */
  conflict: boolean;
  /** The digest to record in the new manifest, or undefined to record none. */
  record: string | undefined;
}

/**
 * Decides one file. `overwriteEdits` takes the export's version over the owner's edits and deletions
 * (`--overwrite-edits`); the owner's own files (`foreign`) are never overwritten.
 */
export function decideFile(state: FileState, overwriteEdits = false): Decision {
  const { current, recorded, next } = state;
  if (current === undefined) {
    if (recorded === undefined || overwriteEdits) return { action: 'create', conflict: false, record: next };
    return { action: 'keep-deleted', conflict: recorded !== next, record: recorded };
  }
  if (current === next) return { action: 'unchanged', conflict: false, record: next };
  if (recorded === undefined) return { action: 'foreign', conflict: false, record: undefined };
  if (current === recorded || overwriteEdits) return { action: 'update', conflict: false, record: next };
  return { action: 'keep-edit', conflict: recorded !== next, record: recorded };
}

/** The lines that frame the import's part of a `_redirects` file the owner also writes in. */
export const BLOCK_START =
  '# --- khabar-wordpress: begin (each import rewrites the lines up to the end mark) ---';
export const BLOCK_END = '# --- khabar-wordpress: end ---';

/** The owner's lines before and after the import's block; undefined when the file has no block. */
function aroundBlock(text: string): { before: string; after: string } | undefined {
  const start = text.indexOf(BLOCK_START);
  if (start === -1) return undefined;
  const endMark = text.indexOf(BLOCK_END, start);
  const end = endMark === -1 ? text.length : endMark + BLOCK_END.length;
  return { before: text.slice(0, start), after: text.slice(end).replace(/^\r?\n/, '') };
}

/**
 * `public/_redirects` in a site: the owner may keep their own rules there. The import's rules replace
 * the whole file while it is as an import wrote it; in a file that holds the owner's rules too, they go
 * in a block framed by `BLOCK_START`/`BLOCK_END`, added at the end the first time and replaced where it
 * stands on each re-run, and the owner's lines stay as they are. An edit inside a file that was wholly
 * the import's is the owner's: kept, as for any file.
 */
export function mergeRedirectsFile(
  existing: string | undefined,
  ours: string,
  state: { current: string | undefined; recorded: string | undefined },
  digestOf: (text: string) => string,
  overwriteEdits = false,
): { text: string | undefined; decision: Decision } {
  const around = existing === undefined ? undefined : aroundBlock(existing);
  if (around === undefined) {
    const decision = decideFile({ ...state, next: digestOf(ours) }, overwriteEdits);
    if (decision.action !== 'foreign') {
      const write = decision.action === 'create' || decision.action === 'update';
      return { text: write ? ours : undefined, decision };
    }
  }
  const block = `${BLOCK_START}\n${ours}${ours.endsWith('\n') ? '' : '\n'}${BLOCK_END}\n`;
  let text: string;
  if (around) text = `${around.before}${block}${around.after}`;
  else {
    const owners = existing ?? '';
    text = `${owners}${owners === '' || owners.endsWith('\n') ? '' : '\n'}${block}`;
  }
  const record = digestOf(text);
  if (text === existing)
    return { text: undefined, decision: { action: 'unchanged', conflict: false, record } };
  return { text, decision: { action: 'update', conflict: false, record } };
}
