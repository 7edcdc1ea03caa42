/**
 * The Arabic typefaces the theme can self-host, from `@fontsource-variable/*` packages, described as data.
 * `stylesheet.ts` turns a choice into the fonts' stylesheet and the files to preload.
 */

export const FONT_IDS = [
  'noto-naskh-arabic',
  'noto-kufi-arabic',
  'cairo',
  'ibm-plex-sans-arabic',
  'amiri',
] as const;
export type FontId = (typeof FONT_IDS)[number];

export interface FontFace {
  /** Specifier of the woff2 file inside its package. */
  file: string;
  /** CSS unicode-range the file covers. */
  unicodeRange: string[];
  /** The weight (or range) of this file, when it differs from the family's (static fonts). */
  weight?: string;
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

/**
 * A family Fontsource ships as static files (no variable axis): a regular and a bold file per subset,
 * Arabic first, so the first file of each weight is the Arabic one.
 */
function describeStatic(id: FontId, family: string, generic: FontDescription['generic']): FontDescription {
  const pkg = `@fontsource/${id}`;
  const face = (subset: 'arabic' | 'latin', weight: '400' | '700'): FontFace => ({
    file: `${pkg}/files/${id}-${subset}-${weight}-normal.woff2`,
    unicodeRange: subset === 'arabic' ? ARABIC_RANGE : LATIN_ALNUM_RANGE,
    weight,
  });
  return {
    family,
    package: pkg,
    weight: '400 700',
    generic,
    faces: [face('arabic', '400'), face('arabic', '700'), face('latin', '400'), face('latin', '700')],
  };
}

/** Every typeface the theme knows, by id. */
export const FONTS: Record<FontId, FontDescription> = {
  'noto-naskh-arabic': describe('noto-naskh-arabic', 'Noto Naskh Arabic', 'serif'),
  'noto-kufi-arabic': describe('noto-kufi-arabic', 'Noto Kufi Arabic', 'sans-serif', '100 900'),
  cairo: describe('cairo', 'Cairo', 'sans-serif', '200 1000'),
  'ibm-plex-sans-arabic': describeStatic('ibm-plex-sans-arabic', 'IBM Plex Sans Arabic', 'sans-serif'),
  amiri: describeStatic('amiri', 'Amiri', 'serif'),
};

/** The CSS custom property of each role's family stack (set by the fonts' stylesheet, `stylesheet.ts`). */
export const FONT_VARIABLES = {
  body: '--khabar-font-body',
  headings: '--khabar-font-headings',
} as const;
