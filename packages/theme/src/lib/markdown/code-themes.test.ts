import { describe, expect, it } from 'vitest';
import { CODE_THEMES, codeThemes } from './code-themes.ts';

describe('codeThemes', () => {
  it('gives Astro’s default config the theme’s light and dark colours, as custom properties only', () => {
    expect(codeThemes({ theme: 'github-dark', themes: {}, wrap: false })).toEqual({
      themes: CODE_THEMES,
      defaultColor: false,
      wrap: null,
    });
    expect(codeThemes(undefined)).toMatchObject({ themes: CODE_THEMES });
  });

  it('keeps a site’s own colours and its wrapping', () => {
    expect(codeThemes({ theme: 'nord' })).toBeUndefined();
    expect(
      codeThemes({ theme: 'github-dark', themes: { light: 'min-light', dark: 'nord' } }),
    ).toBeUndefined();
    expect(codeThemes({ theme: 'github-dark', wrap: true })).not.toHaveProperty('wrap');
  });
});
