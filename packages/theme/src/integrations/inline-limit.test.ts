import { describe, expect, it } from 'vitest';
import { assetsInlineLimit } from './inline-limit.ts';

const LIVE = '_astro/LiveUpdates.astro_astro_type_script_index_0_lang.B1xQ9a.js';
const OTHER = '_astro/Search.astro_astro_type_script_index_0_lang.C2yR0b.js';
const small = Buffer.from('x'.repeat(100));

describe('assetsInlineLimit', () => {
  it('never inlines the live-updates script, and leaves the rest to Vite by default', () => {
    const limit = assetsInlineLimit(undefined);
    expect(limit(LIVE, small)).toBe(false);
    expect(limit(OTHER, small)).toBeUndefined();
  });

  it('applies a number or a function already set to everything else', () => {
    expect(assetsInlineLimit(50)(OTHER, small)).toBe(false);
    expect(assetsInlineLimit(500)(OTHER, small)).toBe(true);
    const comments = (path: string) => (path.includes('CommentForm') ? false : undefined);
    const chained = assetsInlineLimit(comments);
    expect(chained('_astro/CommentForm.astro_astro_type_script_index_0_lang.D3.js', small)).toBe(false);
    expect(chained(LIVE, small)).toBe(false);
    expect(chained(OTHER, small)).toBeUndefined();
  });

  it('keeps the wrapped limit in the config hash', () => {
    expect(JSON.parse(JSON.stringify({ limit: assetsInlineLimit(2048) }))).toEqual({
      limit: { liveScript: 'file', own: 2048 },
    });
  });
});
