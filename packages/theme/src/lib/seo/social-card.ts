/**
 * Social cards: a 1200×630 PNG per story with its headline in Arabic (shaped by Pango/HarfBuzz through
 * `sharp`), the section and the site's name, right-aligned. Layout decisions are pure functions; drawing
 * takes `sharp` as an argument and the cache takes a folder, so tests run both without a build.
 */
import { createHash } from 'node:crypto';
import type { Sharp, SharpOptions } from 'sharp';
// Pango markup follows XML's rules: the XML escaper is the right one.
import { escapeXml } from '../escape.ts';
import { blendOver, flatCanvas, hexRgb } from './canvas.ts';

export { blendOver, flatCanvas, hexRgb };
export { cachedCard } from './card-cache.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the drawing changes, so cached cards are redrawn. */
export const CARD_LAYOUT_VERSION = 2;

/** Right-to-left mark: makes Pango treat a paragraph as RTL even when it starts with "G20" or a digit. */
const RLM = '\u200F';

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
}

export interface CardFonts {
  /** Absolute path of a TTF/OTF bold face (WOFF is ignored by Pango). */
  bold: string;
  /** Absolute path of a TTF/OTF semibold (or regular) face. */
  regular: string;
  /** The family name inside the files, e.g. `Cairo`. */
  family: string;
}

/** `sharp` as the caller imported it. */
export interface SharpFactory {
  (options?: SharpOptions): Sharp;
  (input: Buffer, options?: SharpOptions): Sharp;
}

/**
 * The cache key of a card: everything drawn on it, plus the theme's version (its drawing code).
 * @example cardKey(input, '0.1.0') // 'a3f…' (64 hex digits)
 */
export function cardKey(input: CardInput, themeVersion: string): string {
  const { headline, section, site, host, background, foreground } = input;
  return createHash('sha256')
    .update(
      JSON.stringify([
        CARD_LAYOUT_VERSION,
        themeVersion,
        headline,
        section,
        site,
        host,
        background,
        foreground,
      ]),
    )
    .digest('hex');
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

/** Sizes tried for the headline, largest first (px). */
export const HEADLINE_SIZES = [68, 62, 56, 50, 46, 42] as const;

const MARGIN = 80;
const HEADLINE_TOP = 150;
const HEADLINE_BOTTOM = 500;
const HEADLINE_WIDTH = CARD_WIDTH - 2 * MARGIN;

interface TextBlock {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Text blocks every card shares (the site's name, its host, the five or so section names), drawn once
 * per build: at 10,000 articles, redrawing them was most of the cards' cost.
 */
const sharedBlocks = new Map<string, Promise<TextBlock>>();

function sharedText(...args: Parameters<typeof text>): Promise<TextBlock> {
  const key = JSON.stringify(args.slice(1));
  let block = sharedBlocks.get(key);
  if (!block) {
    block = text(...args);
    sharedBlocks.set(key, block);
  }
  return block;
}

/** An SVG shape rasterised once per build (the section pill, the rule), as raw pixels. */
function sharedSvg(sharp: SharpFactory, svg: string): Promise<TextBlock> {
  let block = sharedBlocks.get(svg);
  if (!block) {
    block = sharp(Buffer.from(svg))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
    sharedBlocks.set(svg, block);
  }
  return block;
}

async function text(
  sharp: SharpFactory,
  markup: string,
  font: string,
  fontfile: string,
  width?: number,
): Promise<TextBlock> {
  const { data, info } = await sharp({
    text: {
      text: markup,
      font,
      fontfile,
      rgba: true,
      dpi: 72,
      // In a right-to-left paragraph Pango mirrors alignment: 'left' sets lines flush right.
      align: 'left',
      ...(width && { width, wrap: 'word' as const }),
    },
  })
    // Raw pixels: the block is composited at once, so a PNG round trip would only cost time.
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Draws the headline at the largest size that fits the box; drops trailing words (adding "…") only
 * when even the smallest size overflows. Pango wraps at word boundaries (`wrap: 'word'`).
 */
async function headlineBlock(sharp: SharpFactory, input: CardInput, fonts: CardFonts): Promise<TextBlock> {
  const maxHeight = HEADLINE_BOTTOM - HEADLINE_TOP;
  const draw = (headline: string, size: number) =>
    text(
      sharp,
      `<span foreground="${input.foreground}" line_height="0.9">${RLM}${escapeXml(headline)}</span>`,
      `${fonts.family} Bold ${size}`,
      fonts.bold,
      HEADLINE_WIDTH,
    );
  const fits = (block: TextBlock) => block.height <= maxHeight && block.width <= HEADLINE_WIDTH;
  const whole = cardHeadline(input.headline);
  for (const size of HEADLINE_SIZES) {
    const block = await draw(whole, size);
    if (fits(block)) return block;
  }
  // Even the smallest size overflows: keep the most whole words that fit (binary search), then "…".
  const smallest = Math.min(...HEADLINE_SIZES);
  let low = 1;
  let high = whole.split(' ').length - 1;
  let best: TextBlock | undefined;
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
  const [headline, section, site, host] = await Promise.all([
    headlineBlock(sharp, input, fonts),
    sharedText(
      sharp,
      `<span foreground="${input.background}">${RLM}${escapeXml(input.section)}</span>`,
      `${fonts.family} SemiBold 32`,
      fonts.regular,
    ),
    sharedText(
      sharp,
      `<span foreground="${input.foreground}">${RLM}${escapeXml(input.site)}</span>`,
      `${fonts.family} Bold 44`,
      fonts.bold,
    ),
    input.host
      ? sharedText(
          sharp,
          `<span foreground="${input.foreground}" alpha="80%">${escapeXml(input.host)}</span>`,
          `${fonts.family} SemiBold 26`,
          fonts.regular,
        )
      : undefined,
  ]);

  // The section sits in a pill of the foreground colour at the top right.
  const pillPadX = 22;
  const pillPadY = 6;
  const pillWidth = section.width + 2 * pillPadX;
  const pillHeight = section.height + 2 * pillPadY;
  const [pill, rule] = await Promise.all([
    sharedSvg(
      sharp,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${pillWidth}" height="${pillHeight}"><rect width="100%" height="100%" rx="${Math.round(pillHeight / 2)}" fill="${input.foreground}"/></svg>`,
    ),
    sharedSvg(
      sharp,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${HEADLINE_WIDTH}" height="3"><rect width="100%" height="100%" fill="${input.foreground}" fill-opacity="0.35"/></svg>`,
    ),
  ]);
  const right = (width: number) => CARD_WIDTH - MARGIN - width;
  // The headline block is centred in its box vertically, flush right.
  const headlineTop =
    HEADLINE_TOP + Math.max(0, Math.round((HEADLINE_BOTTOM - HEADLINE_TOP - headline.height) / 2));
  const footerTop = 530;

  // The layers are blended in JavaScript onto a flat RGB canvas and only the PNG is encoded by `sharp`:
  // libvips' `create` + `composite` + `flatten` cost three times as much per card.
  const canvas = flatCanvas(CARD_WIDTH, CARD_HEIGHT, input.background);
  blendOver(canvas, CARD_WIDTH, pill, 56, right(pillWidth));
  blendOver(canvas, CARD_WIDTH, section, 56 + pillPadY, right(pillWidth) + pillPadX);
  blendOver(canvas, CARD_WIDTH, headline, headlineTop, right(headline.width));
  blendOver(canvas, CARD_WIDTH, rule, 512, MARGIN);
  blendOver(canvas, CARD_WIDTH, site, footerTop, right(site.width));
  if (host)
    blendOver(canvas, CARD_WIDTH, host, footerTop + Math.round((site.height - host.height) / 2), MARGIN);
  return (
    sharp(canvas, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } })
      // Level 6: a flat two-colour card compresses nearly as well, in much less time than level 9.
      .png({ compressionLevel: 6 })
      .toBuffer()
  );
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
  const name = await text(
    sharp,
    `<span foreground="${input.foreground}">${RLM}${escapeXml(input.site)}</span>`,
    `${fonts.family} Bold ${Math.round(size / 4)}`,
    fonts.bold,
    Math.round(size * 0.84),
  );
  return sharp({ create: { width: size, height: size, channels: 4, background: input.background } })
    .composite([
      {
        input: name.data,
        raw: { width: name.width, height: name.height, channels: 4 },
        top: Math.max(0, Math.round((size - name.height) / 2)),
        left: Math.max(0, Math.round((size - name.width) / 2)),
      },
    ])
    .flatten({ background: input.background })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
