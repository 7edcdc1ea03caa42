import { describe, expect, it } from 'vitest';
import { digest } from './manifest.ts';
import { BLOCK_END, BLOCK_START, decideFile, mergeRedirectsFile } from './merge.ts';

describe('what a re-run does with a file', () => {
  it('creates a new file and leaves one that is already right', () => {
    expect(decideFile({ current: undefined, recorded: undefined, next: 'n' })).toEqual({
      action: 'create',
      conflict: false,
      record: 'n',
    });
    expect(decideFile({ current: 'n', recorded: 'n', next: 'n' }).action).toBe('unchanged');
    // A run stopped after renaming its new file but before writing the manifest: adopted, no conflict.
    expect(decideFile({ current: 'n', recorded: 'o', next: 'n' })).toEqual({
      action: 'unchanged',
      conflict: false,
      record: 'n',
    });
  });

  it('updates a file the owner left as the last import wrote it', () => {
    expect(decideFile({ current: 'o', recorded: 'o', next: 'n' })).toEqual({
      action: 'update',
      conflict: false,
      record: 'n',
    });
  });

  it("keeps the owner's edit, and calls it a conflict only when WordPress changed the story too", () => {
    expect(decideFile({ current: 'e', recorded: 'o', next: 'o' })).toEqual({
      action: 'keep-edit',
      conflict: false,
      record: 'o',
    });
    expect(decideFile({ current: 'e', recorded: 'o', next: 'n' })).toEqual({
      action: 'keep-edit',
      conflict: true,
      record: 'o',
    });
    expect(decideFile({ current: 'e', recorded: 'o', next: 'n' }, true)).toEqual({
      action: 'update',
      conflict: false,
      record: 'n',
    });
  });

  it("leaves a deleted file deleted unless told to overwrite, and never overwrites the owner's own", () => {
    expect(decideFile({ current: undefined, recorded: 'o', next: 'n' })).toEqual({
      action: 'keep-deleted',
      conflict: true,
      record: 'o',
    });
    expect(decideFile({ current: undefined, recorded: 'o', next: 'n' }, true).action).toBe('create');
    for (const overwrite of [false, true]) {
      expect(decideFile({ current: 'mine', recorded: undefined, next: 'n' }, overwrite)).toEqual({
        action: 'foreign',
        conflict: false,
        record: undefined,
      });
    }
  });
});

describe('public/_redirects shared with the owner', () => {
  const ours = '# Old WordPress addresses\n/?p=7 /politics/x/ 301\n';
  const merge = (existing: string | undefined, recorded?: string) =>
    mergeRedirectsFile(
      existing,
      ours,
      { current: existing === undefined ? undefined : digest(existing), recorded },
      digest,
    );

  it('is wholly the import’s while the owner has not written in it', () => {
    expect(merge(undefined).text).toBe(ours);
    const old = '# Old WordPress addresses\n';
    expect(merge(old, digest(old))).toMatchObject({ text: ours, decision: { action: 'update' } });
    expect(merge(ours, digest(ours))).toMatchObject({ text: undefined, decision: { action: 'unchanged' } });
  });

  it("adds a framed block after the owner's rules, then replaces only the block", () => {
    const owners = '/old-shop https://shop.example 301\n';
    const first = merge(owners);
    expect(first.text).toBe(`${owners}${BLOCK_START}\n${ours}${BLOCK_END}\n`);
    expect(first.decision.record).toBe(digest(first.text ?? ''));
    const edited = `/top /politics/ 302\n${first.text ?? ''}/after /economy/ 301\n`;
    const again = mergeRedirectsFile(edited, '# new\n', { current: digest(edited), recorded: 'x' }, digest);
    expect(again.text).toBe(
      `/top /politics/ 302\n${owners}${BLOCK_START}\n# new\n${BLOCK_END}\n/after /economy/ 301\n`,
    );
    const same = mergeRedirectsFile(again.text, '# new\n', { current: 'y', recorded: 'x' }, digest);
    expect(same).toMatchObject({ text: undefined, decision: { action: 'unchanged' } });
  });

  it("keeps the owner's edit of a file that was wholly the import's", () => {
    const edited = `${ours}/mine /economy/ 301\n`;
    expect(merge(edited, digest(ours))).toMatchObject({ text: undefined, decision: { action: 'keep-edit' } });
  });
});
