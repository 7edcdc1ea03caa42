/**
 * Social cards: a 1200×630 PNG per story with its headline (shaped by Pango/HarfBuzz through `sharp`),
 * the section and the site's name, flush right for a right-to-left edition and flush left for a
 * left-to-right one (an English edition's, in the same Cairo, whose files have Latin letters too). Layout decisions are pure functions; drawing
 * takes `sharp` as an argument, so tests run it without a build. libvips does every pixel's work
 * (`canvas.ts`): the card is drawn as a mask of ink coverage, taken to sixteen levels and written by
 * libvips as a greyscale PNG, and given the palette of the card's two colours and their blends (`png.ts`).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
// Pango markup follows XML's rules: the XML escaper is the right one.
import { escapeXml } from '../escape.ts';
import {
  hexRgb,
  INK,
  layer,
  PAPER,
  pasteMask,
  placeMask,
  quantise,
  stackMask,
  textBlock,
  textMask,
  type PixelBlock,
  type SharpFactory,
} from './canvas.ts';
import { blendRamp, greyToPalette, levelPalette } from './png.ts';

export { hexRgb, type SharpFactory };

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * Colours of a card: the background, the ink and fourteen blends of the two, enough for anti-aliased
 * text; fewer levels of coverage also compress better. A power of two (`quantise`).
 */
export const CARD_COLOURS = 16;

/** Right-to-left mark: makes Pango treat a paragraph as RTL even when it starts with "G20" or a digit. */
const RLM = '\u200F';
/** Left-to-right mark: an English headline stays LTR even when it starts with an Arabic name. */
const LRM = '\u200E';

export interface CardInput {
  headline: string;
  /** The section's name as readers see it. */
  section: string;
  /** The site's name. */
  site: string;
  /** The site's host, printed small (e.g. `khabar.example`). */
  host?: string | undefined;
  background: string;
  foreground: string;
  /** The direction of the story's language: where the card's text starts. Right to left by default. */
  direction?: 'rtl' | 'ltr' | undefined;
}

export interface CardFonts {
  /** Absolute path of a TTF/OTF bold face (WOFF is ignored by Pango). */
  bold: string;
  /** Absolute path of a TTF/OTF semibold (or regular) face. */
  regular: string;
  /** The family name inside the files, e.g. `Cairo`. */
  family: string;
}

/**
 * Normalises a headline for the card: collapsed spaces, and at most `maxWords` words ending in "…"
 * when longer. Words are never cut.
 * @example cardHeadline('أ  ب ج', 2) // 'أ ب…'
 */
export function cardHeadline(headline: string, maxWords = Infinity): string {
  const words = headline.trim().split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(' ');
  return `${words.slice(0, Math.max(1, maxWords)).join(' ')}…`;
}

/**
 * The `cacheKey` of a story's card page (Astro's incremental builds): it changes exactly when what the
 * card shows changes — the headline as drawn, the section's name, the site's name and host, the
 * colours, the typeface — and not with what it does not show (spacing in the headline, a colour's
 * letter case, the font files' folder). The drawing code is covered by Astro's own hash of the route's
 * code, and `sharp` and the fonts' versions by the lockfile's.
 * @example cardCacheKey(input, fonts) // 'a3f…' (64 hex digits)
 */
export function cardCacheKey(input: CardInput, fonts: CardFonts): string {
  const drawn = [
    cardHeadline(input.headline),
    input.section,
    input.site,
    input.host ?? null,
    input.direction ?? 'rtl',
    hexRgb(input.background),
    hexRgb(input.foreground),
    fonts.family,
    basename(fonts.bold),
    basename(fonts.regular),
  ];
  return createHash('sha256').update(JSON.stringify(drawn)).digest('hex');
}

/** Sizes tried for the headline, largest first (px). */
export const HEADLINE_SIZES = [68, 62, 56, 50, 46, 42] as const;

const MARGIN = 80;
const HEADLINE_TOP = 150;
const HEADLINE_BOTTOM = 500;
const HEADLINE_WIDTH = CARD_WIDTH - 2 * MARGIN;
const PILL_TOP = 56;
const RULE_TOP = 512;
const FOOTER_TOP = 530;

/** The x of a block set flush right against the margin. */
const flushRight = (width: number) => CARD_WIDTH - MARGIN - width;

/** Where a card's text starts and ends, by its direction: the x of a block set at each side. */
function sides(input: CardInput): { start: (width: number) => number; end: (width: number) => number } {
  return input.direction === 'ltr'
    ? { start: () => MARGIN, end: flushRight }
    : { start: flushRight, end: () => MARGIN };
}

/** The mark that sets a paragraph's direction for Pango. */
const mark = (input: CardInput) => (input.direction === 'ltr' ? LRM : RLM);

/**
 * Everything on a card but its headline, as a mask: the section in its pill, the rule, the site's name
 * and host. The same for every story of a section, so it is drawn once per build (five or so sections).
 */
const frames = new Map<string, Promise<PixelBlock>>();

function frame(sharp: SharpFactory, input: CardInput, fonts: CardFonts): Promise<PixelBlock> {
  const key = JSON.stringify([input.section, input.site, input.host, input.direction, fonts]);
  let drawn = frames.get(key);
  if (!drawn) {
    drawn = drawFrame(sharp, input, fonts);
    frames.set(key, drawn);
    // A failure is not kept: the next card tries again, and fails with its own error.
    drawn.catch(() => frames.delete(key));
  }
  return drawn;
}

async function drawFrame(sharp: SharpFactory, input: CardInput, fonts: CardFonts): Promise<PixelBlock> {
  const [section, site, host] = await Promise.all([
    // The section's name is cut out of its pill: paper on ink.
    textBlock(sharp, {
      markup: `<span foreground="${PAPER}">${mark(input)}${escapeXml(input.section)}</span>`,
      font: `${fonts.family} SemiBold 32`,
      fontfile: fonts.regular,
    }),
    textBlock(sharp, {
      markup: `<span foreground="${INK}">${mark(input)}${escapeXml(input.site)}</span>`,
      font: `${fonts.family} Bold 44`,
      fontfile: fonts.bold,
    }),
    input.host
      ? textBlock(sharp, {
          markup: `<span foreground="${INK}" alpha="80%">${escapeXml(input.host)}</span>`,
          font: `${fonts.family} SemiBold 26`,
          fontfile: fonts.regular,
        })
      : undefined,
  ]);
  // The section sits in a pill at the top, where the text starts; a faint rule above the footer.
  const { start, end } = sides(input);
  const padX = 22;
  const padY = 6;
  const pillWidth = section.width + 2 * padX;
  const pillHeight = section.height + 2 * padY;
  const shapes = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">
    <rect x="${start(pillWidth)}" y="${PILL_TOP}" width="${pillWidth}" height="${pillHeight}" rx="${Math.round(pillHeight / 2)}" fill="${INK}"/>
    <rect x="${MARGIN}" y="${RULE_TOP}" width="${HEADLINE_WIDTH}" height="3" fill="${INK}" fill-opacity="0.35"/>
  </svg>`;
  return stackMask(sharp, { width: CARD_WIDTH, height: CARD_HEIGHT }, [
    { input: Buffer.from(shapes), top: 0, left: 0 },
    layer(section, PILL_TOP + padY, start(pillWidth) + padX),
    layer(site, FOOTER_TOP, start(site.width)),
    ...(host ? [layer(host, FOOTER_TOP + Math.round((site.height - host.height) / 2), end(host.width))] : []),
  ]);
}

/**
 * Draws the headline at the largest size that fits the box; drops trailing words (adding "…") only
 * when even the smallest size overflows. Pango wraps at word boundaries (`wrap: 'word'`).
 */
async function headlineBlock(sharp: SharpFactory, input: CardInput, fonts: CardFonts): Promise<PixelBlock> {
  const maxHeight = HEADLINE_BOTTOM - HEADLINE_TOP;
  const draw = (headline: string, size: number) =>
    textMask(sharp, {
      markup: `<span line_height="0.9">${mark(input)}${escapeXml(headline)}</span>`,
      font: `${fonts.family} Bold ${size}`,
      fontfile: fonts.bold,
      width: HEADLINE_WIDTH,
    });
  const fits = (block: PixelBlock) => block.height <= maxHeight && block.width <= HEADLINE_WIDTH;
  const whole = cardHeadline(input.headline);
  for (const size of HEADLINE_SIZES) {
    const block = await draw(whole, size);
    if (fits(block)) return block;
  }
  // Even the smallest size overflows: keep the most whole words that fit (binary search), then "…".
  const smallest = Math.min(...HEADLINE_SIZES);
  let low = 1;
  let high = whole.split(' ').length - 1;
  let best: PixelBlock | undefined;
  while (low <= high) {
    const count = Math.floor((low + high) / 2);
    const block = await draw(cardHeadline(whole, count), smallest);
    if (fits(block)) {
      best = block;
      low = count + 1;
    } else {
      high = count - 1;
    }
  }
  if (!best) throw new Error(`the headline "${input.headline}" does not fit a social card`);
  return best;
}

/** Draws a card. Returns the PNG. */
export async function renderSocialCard(
  sharp: SharpFactory,
  input: CardInput,
  fonts: CardFonts,
): Promise<Buffer> {
  const [base, headline] = await Promise.all([
    frame(sharp, input, fonts),
    headlineBlock(sharp, input, fonts),
  ]);
  // The headline block is centred in its box vertically, where the text starts. The frame leaves that box empty,
  // so the headline's rows are copied in; `placeMask` joins them in libvips should they ever overlap.
  const top = HEADLINE_TOP + Math.max(0, Math.round((HEADLINE_BOTTOM - HEADLINE_TOP - headline.height) / 2));
  const left = sides(input).start(headline.width);
  const mask = pasteMask(base, headline, top, left) ?? {
    ...base,
    data: await placeMask(sharp, base, headline, top, left).raw().toBuffer(),
  };
  // zlib's level 5: higher levels cost more than they save (6: a tenth more time for 2 % fewer bytes;
  // 9: four times the time for 5 %).
  const png = await quantise(sharp, mask, CARD_COLOURS).png({ compressionLevel: 5 }).toBuffer();
  const ramp = blendRamp(hexRgb(input.background), hexRgb(input.foreground), CARD_COLOURS);
  return greyToPalette(png, levelPalette(ramp));
}

/**
 * Draws a square logo: the site's name on its colour. Stands in for a logo file as the publisher's
 * logo in JSON-LD and the feeds' channel image.
 */
export async function renderLogo(
  sharp: SharpFactory,
  input: Pick<CardInput, 'site' | 'background' | 'foreground'>,
  fonts: CardFonts,
  size = 512,
): Promise<Buffer> {
  // The name at a quarter of the logo's side, smaller for a longer name until its lines fit.
  const draw = (fontSize: number) =>
    textMask(sharp, {
      markup: `${RLM}${escapeXml(input.site)}`,
      font: `${fonts.family} Bold ${fontSize}`,
      fontfile: fonts.bold,
      width: Math.round(size * 0.84),
    });
  let fontSize = Math.round(size / 4);
  let name = await draw(fontSize);
  while (name.height > size * 0.84 && fontSize > size / 16) {
    fontSize = Math.round(fontSize * 0.8);
    name = await draw(fontSize);
  }
  const top = Math.max(0, Math.round((size - name.height) / 2));
  const left = Math.max(0, Math.round((size - name.width) / 2));
  const empty = { data: Buffer.alloc(size * size), width: size, height: size, channels: 1 as const };
  const mask = await placeMask(sharp, empty, name, top, left).png({ compressionLevel: 9 }).toBuffer();
  return greyToPalette(mask, blendRamp(hexRgb(input.background), hexRgb(input.foreground), 256));
}
