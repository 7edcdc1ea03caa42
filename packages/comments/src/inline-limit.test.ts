import { describe, expect, it } from 'vitest';
import { assetsInlineLimit } from './inline-limit.ts';

const SCRIPT = '_astro/CommentForm.astro_astro_type_script_index_0_lang.Bq3xY_9z.js';
const small = Buffer.from('let a=1');

describe('assetsInlineLimit', () => {
  it('never inlines the comment form’s script, whatever the site set', () => {
    expect(assetsInlineLimit(undefined)(SCRIPT, small)).toBe(false);
    expect(assetsInlineLimit(1_000_000)(SCRIPT, small)).toBe(false);
    expect(assetsInlineLimit(() => true)(SCRIPT, small)).toBe(false);
  });

  it('leaves every other asset to the site’s setting, or to the default', () => {
    const other = '_astro/Search.astro_astro_type_script_index_0_lang.zHRt1v9M.js';
    expect(assetsInlineLimit(undefined)(other, small)).toBeUndefined();
    expect(assetsInlineLimit(undefined)('/src/assets/logo.svg', small)).toBeUndefined();
    expect(assetsInlineLimit(4)(other, small)).toBe(false);
    expect(assetsInlineLimit(8)(other, small)).toBe(true);
    expect(assetsInlineLimit((path) => path.endsWith('.svg'))('/src/logo.svg', small)).toBe(true);
    expect(assetsInlineLimit((path) => path.endsWith('.svg'))(other, small)).toBe(false);
  });

  it('keeps the site’s own setting in the JSON Astro hashes for incremental builds', () => {
    expect(JSON.stringify({ limit: assetsInlineLimit(8) })).not.toBe(
      JSON.stringify({ limit: assetsInlineLimit(9) }),
    );
    expect(JSON.stringify({ limit: assetsInlineLimit(undefined) })).toContain('formScript');
  });
});
