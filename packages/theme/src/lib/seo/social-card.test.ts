/* eslint-disable @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { layer, pasteMask, placeMask, quantise, stackMask, textMask } from './canvas.ts';
import {
  CARD_COLOURS,
  CARD_HEIGHT,
  CARD_WIDTH,
  cardCacheKey,
  cardHeadline,
  hexRgb,
  renderLogo,
  renderSocialCard,
} from './social-card.ts';

const require = createRequire(import.meta.url);
const fonts = {
  family: 'Cairo',
  bold: require.resolve('@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf'),
  regular: require.resolve('@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf'),
};
const input = {
  headline: 'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب',
  section: 'سياسة',
  site: 'خبر',
  host: 'khabar.example',
  background: '#a3131b',
  foreground: '#ffffff',
};

/** A PNG's bit depth and colour type (3: indexed, a palette PNG), from its header. */
const pngHeader = (png: Buffer) => ({ bitDepth: png[24], colourType: png[25] });

describe('card text', () => {
  it('collapses spaces and shortens at a word boundary only', () => {
    expect(cardHeadline('السيادة السورية  .. وتعاون')).toBe('السيادة السورية .. وتعاون');
    expect(cardHeadline('أ ب ج د', 2)).toBe('أ ب…');
    expect(cardHeadline('كلمة', 0)).toBe('كلمة…'); // never less than one word
  });
});

describe('cardCacheKey', () => {
  it('changes with everything the card shows', () => {
    const key = cardCacheKey(input, fonts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const changed = [
      { ...input, headline: `${input.headline}!` },
      { ...input, section: 'اقتصاد' },
      { ...input, site: 'خبر اليوم' },
      { ...input, host: 'news.example' },
      { ...input, host: undefined },
      { ...input, background: '#0b3d2e' },
      { ...input, foreground: '#fffff0' },
    ].map((other) => cardCacheKey(other, fonts));
    expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
    expect(cardCacheKey(input, { ...fonts, family: 'Amiri' })).not.toBe(key);
    expect(cardCacheKey(input, { ...fonts, bold: fonts.regular })).not.toBe(key);
  });

  it('does not change with what the card does not show', () => {
    const key = cardCacheKey(input, fonts);
    expect(cardCacheKey({ ...input }, { ...fonts })).toBe(key);
    // The headline is drawn with its spaces collapsed; colours are read without regard to case.
    expect(cardCacheKey({ ...input, headline: `  ${input.headline.replace(' ', '   ')} ` }, fonts)).toBe(key);
    expect(cardCacheKey({ ...input, background: '#A3131B' }, fonts)).toBe(key);
    // The same font files in another folder (another checkout, another machine).
    const moved = { ...fonts, bold: `/elsewhere/${fonts.bold.split('/').pop() ?? ''}` };
    expect(
      cardCacheKey(input, { ...moved, regular: `/elsewhere/${fonts.regular.split('/').pop() ?? ''}` }),
    ).toBe(key);
  });
});

describe('renderSocialCard', () => {
  it('draws a 1200×630 PNG whose headline is set flush right', async () => {
    const png = await renderSocialCard(sharp, input, fonts);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    // The headline's band (rows 150–500): white ink reaches the right margin (x ≈ 1120) and its
    // rightmost column is further right than its leftmost is from the left edge: right-aligned.
    const { data, info } = await sharp(png)
      .extract({ left: 0, top: 150, width: 1200, height: 350 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    let minX = Infinity;
    let maxX = -1;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! > 230) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    expect(maxX).toBeGreaterThan(1100);
    expect(maxX).toBeLessThanOrEqual(1120);
    expect(minX).toBeGreaterThanOrEqual(80);
  });

  it('sets an English card flush left: its headline, and the section in its pill, start at the left margin', async () => {
    const english = {
      ...input,
      headline: 'Russia urges the West to respect Syrian sovereignty, and sees possible US cooperation',
      section: 'Politics',
      site: 'Khabar',
      direction: 'ltr' as const,
    };
    const png = await renderSocialCard(sharp, english, fonts);
    /** The leftmost and rightmost columns of white ink in a band of rows. */
    const inkColumns = async (top: number, height: number) => {
      const { data, info } = await sharp(png)
        .extract({ left: 0, top, width: CARD_WIDTH, height })
        .raw()
        .toBuffer({ resolveWithObject: true });
      let minX = Infinity;
      let maxX = -1;
      for (let y = 0; y < info.height; y++) {
        for (let x = 0; x < info.width; x++) {
          const i = (y * info.width + x) * info.channels;
          if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! > 230) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      return { minX, maxX };
    };
    const headline = await inkColumns(150, 350);
    expect(headline.minX).toBeGreaterThanOrEqual(80);
    expect(headline.minX).toBeLessThan(100);
    expect(headline.maxX).toBeLessThanOrEqual(1120);
    // The pill (white, the section cut out of it) starts at the left margin too.
    const pill = await inkColumns(60, 20);
    expect(pill.minX).toBeGreaterThanOrEqual(80);
    expect(pill.minX).toBeLessThan(90);
    expect(pill.maxX).toBeLessThan(CARD_WIDTH / 2);
    // Its cache key is not the right-to-left card's.
    expect(cardCacheKey(english, fonts)).not.toBe(cardCacheKey({ ...english, direction: 'rtl' }, fonts));
  });

  it('is a palette PNG of at most sixteen colours and 12 KB, with the exact background and ink', async () => {
    const png = await renderSocialCard(sharp, input, fonts);
    expect(pngHeader(png)).toEqual({ bitDepth: 8, colourType: 3 });
    expect(png.length).toBeLessThanOrEqual(12 * 1024);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const colours = new Map<string, number>();
    for (let i = 0; i < data.length; i += info.channels) {
      const colour = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      colours.set(colour, (colours.get(colour) ?? 0) + 1);
    }
    expect(colours.size).toBeLessThanOrEqual(CARD_COLOURS);
    const [most, next] = [...colours].sort((a, b) => b[1] - a[1]);
    expect(most?.[0]).toBe('163,19,27'); // #a3131b, the background
    expect(next?.[0]).toBe('255,255,255'); // #ffffff, the ink
  });

  it('fits a very long headline by shrinking, then by dropping whole words', async () => {
    const long = Array.from({ length: 60 }, () => 'الاقتصاد').join(' ');
    const png = await renderSocialCard(sharp, { ...input, headline: long }, fonts);
    expect((await sharp(png).metadata()).height).toBe(CARD_HEIGHT);
  });

  it('breaks a word wider than the card rather than failing (a WordPress import had one)', async () => {
    const word = 'Taumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu';
    const png = await renderSocialCard(sharp, { ...input, headline: word }, fonts);
    expect(await sharp(png).metadata()).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
  });

  it('draws the publisher logo for a long site name, smaller, inside its square', async () => {
    const png = await renderLogo(sharp, { ...input, site: 'Theme Unit Test Data' }, fonts);
    expect(await sharp(png).metadata()).toMatchObject({ width: 512, height: 512 });
  });

  it('draws markup characters in the headline, section and site name as text (Pango follows XML)', async () => {
    const text = { headline: `<b>"النفط" & 'الغاز'</b>`, section: 'اقتصاد & أعمال', site: '<خبر>' };
    const png = await renderSocialCard(sharp, { ...input, ...text }, fonts);
    expect((await sharp(png).metadata()).width).toBe(CARD_WIDTH);
  });
});

describe('the card canvas', () => {
  it('reads #rrggbb colours and names a bad one', () => {
    expect(hexRgb('#a3131B')).toEqual([163, 19, 27]);
    expect(() => hexRgb('red')).toThrow('the social card colour "red" is not a colour like "#a3131b"');
  });

  it('stacks layers into a mask of ink coverage in libvips: opaque, half-transparent and transparent pixels', async () => {
    // A 2×2 block: opaque ink, half-transparent ink, transparent ink, opaque paper.
    const data = Buffer.from([255, 255, 255, 255, 255, 255, 255, 128, 255, 255, 255, 0, 0, 0, 0, 255]);
    const block = { data, width: 2, height: 2, channels: 4 as const };
    const mask = await stackMask(sharp, { width: 4, height: 3 }, [layer(block, 1, 2)]);
    expect([mask.width, mask.height, mask.channels, mask.data.length]).toEqual([4, 3, 1, 12]);
    // Row by row: the block's top row at (2, 1) and (3, 1), its bottom row at (2, 2) and (3, 2).
    expect([...mask.data]).toEqual([0, 0, 0, 0, 0, 0, 255, 128, 0, 0, 0, 0]);
  });

  it('takes a mask to a power of two of levels in libvips, each level written as its top bits', async () => {
    const mask = {
      data: Buffer.from([0, 15, 16, 127, 128, 239, 240, 255]),
      width: 4,
      height: 2,
      channels: 1 as const,
    };
    const { data, info } = await quantise(sharp, mask, 16).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    expect([...data]).toEqual([0, 0, 16, 112, 128, 224, 240, 240]);
    expect(() => quantise(sharp, mask, 12)).toThrow('a power of two from 2 to 256 levels, not 12');
  });

  it('sets a mask into an empty box of another by copying its rows, and leaves an overlap to libvips', () => {
    const base = {
      data: Buffer.from([1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 9, 9]),
      width: 4,
      height: 3,
      channels: 1 as const,
    };
    const block = { data: Buffer.from([15, 7]), width: 2, height: 1, channels: 1 as const };
    const pasted = pasteMask(base, block, 1, 1);
    expect(pasted && [...pasted.data]).toEqual([1, 2, 3, 4, 0, 15, 7, 0, 9, 9, 9, 9]);
    // The base is a new mask, not written over.
    expect([...base.data]).toEqual([1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 9, 9]);
    // Ink under the block, or a block past the base's edge: not copied.
    expect(pasteMask(base, block, 0, 1)).toBeUndefined();
    expect(pasteMask(base, block, 1, 3)).toBeUndefined();
    expect(pasteMask(base, { ...block, channels: 4 }, 1, 1)).toBeUndefined();
  });

  it('places a mask on another in libvips, one band', async () => {
    const base = {
      data: Buffer.from([1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 9, 9]),
      width: 4,
      height: 3,
      channels: 1 as const,
    };
    const block = { data: Buffer.from([15, 7]), width: 2, height: 1, channels: 1 as const };
    const { data, info } = await placeMask(sharp, base, block, 1, 1)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(1);
    expect([...data]).toEqual([1, 2, 3, 4, 0, 15, 7, 0, 9, 9, 9, 9]);
  });

  it('sets text as a one-band mask of its ink coverage', async () => {
    const text = { markup: 'خبر', font: `${fonts.family} Bold 40`, fontfile: fonts.bold };
    const mask = await textMask(sharp, text);
    expect(mask.channels).toBe(1);
    expect(mask.data.length).toBe(mask.width * mask.height);
    // Paper, full ink, and anti-aliased edges between them.
    const levels = new Set(mask.data);
    expect([levels.has(0), levels.has(255), levels.size > 16]).toEqual([true, true, true]);
  });

  it('shapes Arabic: joined letters are narrower than the same letters kept apart', async () => {
    const width = async (markup: string) =>
      (await textMask(sharp, { markup, font: `${fonts.family} Bold 40`, fontfile: fonts.bold })).width;
    // U+200C (zero-width non-joiner) keeps each letter in its isolated or final form.
    expect(await width('سلام')).toBeLessThan(await width('س\u200Cل\u200Cا\u200Cم'));
  });
});
