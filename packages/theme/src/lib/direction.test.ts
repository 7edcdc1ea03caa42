import { describe, expect, it } from 'vitest';
import { direction } from './direction.ts';

describe('direction', () => {
  it('knows the right-to-left languages the theme serves', () => {
    for (const locale of ['ar', 'ar-SY', 'fa-IR', 'ur-PK', 'he']) expect(direction(locale)).toBe('rtl');
  });
  it('leaves other languages left to right', () => {
    expect(direction('en-GB')).toBe('ltr');
    expect(direction('fr')).toBe('ltr');
  });
});
