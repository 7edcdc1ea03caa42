import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from './stylesheets.ts';

describe('inlineStylesheets', () => {
  it('links small CSS chunks unless the site asked for inline CSS', () => {
    expect(inlineStylesheets('auto')).toBe('never');
    expect(inlineStylesheets('never')).toBe('never');
    expect(inlineStylesheets('always')).toBe('always');
  });
});
