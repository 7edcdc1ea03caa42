/**
 * A story's social card, bound to the site: what it shows, its page's `cacheKey`, and its PNG, drawn
 * when asked for. Nothing is kept on disk between builds: with Astro's incremental builds an unchanged
 * card's page is not rendered at all (Astro keeps its file), so a card that is rendered is new or has
 * changed, and there is nothing to read back.
 */
import { availableParallelism } from 'node:os';
import build from 'virtual:khabar/seo-build';
import { DrawAhead } from '../lib/seo/draw-ahead.ts';
import { cardCacheKey, renderSocialCard, type CardInput } from '../lib/seo/social-card.ts';
import { direction } from '../lib/direction.ts';
import { editionOf, getSection, type Article } from './articles.ts';
import { inEdition } from './edition.ts';
import { config } from './site.ts';

/**
 * What a story's social card shows, in the story's edition: its section's name and the site's name in
 * the edition's language, set in its direction.
 */
export function cardInput(article: Article): CardInput {
  return inEdition(editionOf(article), () => {
    const { socialCards } = config.seo;
    return {
      headline: article.data.title,
      section: getSection(article.data.section).name,
      site: config.title,
      host: config.site ? new URL(config.site).host : undefined,
      background: socialCards.background,
      foreground: socialCards.foreground,
      direction: direction(config.locale),
    };
  });
}

/** The `cacheKey` of a story's card page: changes exactly when what the card shows changes. */
export function socialCardKey(article: Article): string {
  return cardCacheKey(cardInput(article), build.cardFonts);
}

/** Cards being drawn now, by article id: a page that needs one waits for it rather than drawing twice. */
const drawing = new Map<string, Promise<Buffer>>();
/** The byte size of each card drawn in this process, by its key: what a feed's enclosure states. */
const sizes = new Map<string, number>();

/** A story's card, drawn. */
export function socialCardPng(article: Article): Promise<Buffer> {
  const inFlight = drawing.get(article.id);
  if (inFlight) return inFlight;
  const input = cardInput(article);
  const card = (async () => {
    const { default: sharp } = await import('sharp');
    const png = await renderSocialCard(sharp, input, build.cardFonts);
    sizes.set(cardCacheKey(input, build.cardFonts), png.length);
    return png;
  })().finally(() => drawing.delete(article.id));
  drawing.set(article.id, card);
  return card;
}

/**
 * The byte size of a story's card, for a feed's enclosure: known when the card was drawn in this
 * process, else drawn (not read back from a previous build's output).
 */
export async function socialCardSize(article: Article): Promise<number> {
  return sizes.get(socialCardKey(article)) ?? (await socialCardPng(article)).length;
}

let ahead: DrawAhead<Article, Buffer> | undefined;

/**
 * Lets the card route's pages draw ahead (`DrawAhead`): while a card's page is rendered, the next ones
 * (one per spare core) are drawn too. An incremental build that skips a card's page never draws it, but
 * for at most one look-ahead per core.
 */
export function drawAhead(articles: readonly Article[]): void {
  ahead = new DrawAhead(articles, (article) => article.id, socialCardPng, availableParallelism() - 1);
}

/** A story's card for its page: drawn ahead when the route asked for it, drawing the next ones. */
export function socialCardForPage(article: Article): Promise<Buffer> {
  return ahead ? ahead.take(article) : socialCardPng(article);
}
