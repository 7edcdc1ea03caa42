/**
 * The colours of highlighted code: Shiki's dual themes, a light one and a dark one that follows the
 * theme's dark mode (`styles/prose.css` switches to Shiki's `--shiki-dark` colours). Astro's default,
 * `github-dark` alone, fails WCAG AA: its comments (#6a737d on #24292e) have a contrast of 3.0:1, and a
 * dark block on a light page is the only dark thing on it. GitHub's "default" pair keeps every token
 * colour at 4.5:1 or more on its background (comments #6e7781 on white, #8b949e on #0d1117).
 *
 * With `defaultColor: false` Shiki writes each token's two colours as custom properties only
 * (`--shiki-light`, `--shiki-dark`) and the stylesheet picks one, so the page carries no inline colour,
 * and with `wrap: null` Astro adds no inline `overflow-x` (the stylesheet scrolls the block).
 */

/** The theme's code colours. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Astro's own default Shiki theme: a site that names it is taken not to have chosen. */
const ASTRO_DEFAULT_THEME = 'github-dark';

interface ShikiConfig {
  theme?: unknown;
  themes?: Record<string, unknown> | undefined;
  wrap?: boolean | null | undefined;
}

/** What the theme sets in `markdown.shikiConfig`. */
export interface CodeThemes {
  themes: { light: string; dark: string };
  defaultColor: false;
  wrap?: null;
}

/**
 * What the theme adds to `markdown.shikiConfig`: its two themes, unless the site chose its own colours
 * (a `theme` other than Astro's default, or `themes`). A site that set `wrap: true` keeps its wrapping.
 * @example codeThemes({ theme: 'github-dark', themes: {}, wrap: false }) // { themes: CODE_THEMES, defaultColor: false, wrap: null }
 * @example codeThemes({ theme: 'nord' }) // undefined
 */
export function codeThemes(shiki: ShikiConfig | undefined): CodeThemes | undefined {
  const ownThemes = shiki?.themes !== undefined && Object.keys(shiki.themes).length > 0;
  const ownTheme = shiki?.theme !== undefined && shiki.theme !== ASTRO_DEFAULT_THEME;
  if (ownThemes || ownTheme) return undefined;
  const themes: CodeThemes = { themes: { ...CODE_THEMES }, defaultColor: false };
  if (shiki?.wrap !== true) themes.wrap = null;
  return themes;
}
