/**
 * The Arabic typefaces the theme can self-host, from `@fontsource-variable/*` packages, described as data.
 * The integration turns a choice into Astro Fonts API families with the local provider.
 */

export const FONT_IDS = ['noto-naskh-arabic', 'noto-kufi-arabic', 'cairo'] as const;
export type FontId = (typeof FONT_IDS)[number];

export interface FontFace {
  /** Specifier of the woff2 file inside its package. */
  file: string;
  /** CSS unicode-range the file covers. */
  unicodeRange: string[];
}

export interface FontDescription {
  /** The family name CSS uses. */
  family: string;
  /** The npm package that ships the files. */
  package: string;
  weight: string;
  /** Generic family for the fallback stack. */
  generic: 'serif' | 'sans-serif';
  /** Arabic letters, then Latin letters and digits used inside Arabic text. */
  faces: FontFace[];
}

/** The Arabic block and presentation forms, as Fontsource's `arabic` subset defines them. */
const ARABIC_RANGE = [
  'U+0600-06FF',
  'U+0750-077F',
  'U+0870-088E',
  'U+0890-0891',
  'U+0897-08E1',
  'U+08E3-08FF',
  'U+200C-200E',
  'U+2010-2011',
  'U+204F',
  'U+2E41',
  'U+FB50-FDFF',
  'U+FE70-FE74',
  'U+FE76-FEFC',
];

/**
 * Latin letters and digits only (not space and punctuation): a page of Arabic text downloads the Latin
 * file only when it really has a Latin word or a Western digit.
 */
const LATIN_ALNUM_RANGE = ['U+0030-0039', 'U+0041-005A', 'U+0061-007A', 'U+00C0-00FF'];

function describe(
  id: FontId,
  family: string,
  generic: FontDescription['generic'],
  weight = '400 700',
): FontDescription {
  const pkg = `@fontsource-variable/${id}`;
  return {
    family,
    package: pkg,
    weight,
    generic,
    faces: [
      { file: `${pkg}/files/${id}-arabic-wght-normal.woff2`, unicodeRange: ARABIC_RANGE },
      { file: `${pkg}/files/${id}-latin-wght-normal.woff2`, unicodeRange: LATIN_ALNUM_RANGE },
    ],
  };
}

/** Every typeface the theme knows, by id. */
export const FONTS: Record<FontId, FontDescription> = {
  'noto-naskh-arabic': describe('noto-naskh-arabic', 'Noto Naskh Arabic', 'serif'),
  'noto-kufi-arabic': describe('noto-kufi-arabic', 'Noto Kufi Arabic', 'sans-serif', '100 900'),
  cairo: describe('cairo', 'Cairo', 'sans-serif', '200 1000'),
};

/** The CSS custom property the Fonts API fills for a role. */
export const FONT_VARIABLES = {
  body: '--khabar-font-body',
  headings: '--khabar-font-headings',
} as const;
