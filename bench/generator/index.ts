/**
 * A deterministic generator of synthetic Arabic newsrooms: sections, authors with avatars, tags with a
 * realistic long tail, articles of realistic length (headings, quotes, lists, Western and Arabic digits),
 * and a share of articles with a lead picture. The same options always give byte-identical files.
 *
 * `generateNewsroom()` is pure (plain data out); `writeNewsroom()` writes it as an Astro content folder:
 *   src/content/articles/<section>/<id>.md, src/content/authors/<id>.json, src/assets/newsroom/*.jpg
 */
import {
  AUTHOR_NAMES,
  DAYS,
  HEADINGS,
  MONTHS,
  ORGS,
  PEOPLE,
  PLACES,
  QUOTES,
  SECTIONS,
  SENTENCES,
  TAG_WORDS,
  TITLE_PATTERNS,
} from './corpus.ts';
import { prng } from './random.ts';

export { prng };

export interface NewsroomOptions {
  /** How many published articles. */
  articles: number;
  /** PRNG seed: change it for a different newsroom of the same shape. */
  seed?: number;
  /** Share of articles with a lead picture, 0–1. */
  imageShare?: number;
  /**
   * How many distinct pictures the illustrated articles draw from. Astro transforms each distinct picture
   * once, so this, not the article count, sets the image work of a build.
   */
  imagePool?: number;
  /** How many authors (each with an avatar). */
  authors?: number;
  /** How many distinct tags. */
  tags?: number;
  /** Word count range of an article body. */
  words?: [min: number, max: number];
}

export interface NewsroomSection {
  slug: string;
  name: string;
  description: string;
}

export interface NewsroomAuthor {
  id: string;
  name: string;
  role: string;
  bio: string;
  /** Index of the avatar picture. */
  avatar: number;
}

export interface NewsroomPicture {
  id: string;
  /** Drawing parameters. */
  hue: number;
  seed: number;
}

export interface NewsroomArticle {
  /** File name without extension. */
  id: string;
  slug: string;
  section: string;
  title: string;
  deck?: string;
  description: string;
  /** ISO 8601 with offset. */
  published: string;
  tags: string[];
  authors: string[];
  breaking: boolean;
  image?: { picture: string; alt: string; caption: string };
  /** Markdown body. */
  body: string;
}

export interface Newsroom {
  options: Required<NewsroomOptions>;
  sections: NewsroomSection[];
  authors: NewsroomAuthor[];
  pictures: NewsroomPicture[];
  articles: NewsroomArticle[];
}

export const DEFAULTS: Required<Omit<NewsroomOptions, 'articles'>> = {
  seed: 1,
  imageShare: 0.3,
  imagePool: 24,
  authors: 12,
  tags: 120,
  words: [250, 900],
};

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toArabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => ARABIC_DIGITS[Number(d)] ?? d);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The distinct tags: topics, places and organisations, then topic-in-place pairs. */
function tagVocabulary(count: number): string[] {
  const tags = [...TAG_WORDS, ...PLACES, ...ORGS];
  for (const word of TAG_WORDS) for (const place of PLACES) tags.push(`${word} في ${place}`);
  return tags.slice(0, Math.max(1, count));
}

/** ISO instant with the newsroom's +03:00 offset, `minutes` after 2014-01-01 08:00. */
function instant(minutes: number): string {
  const utc = new Date(Date.UTC(2014, 0, 1, 5, 0) + minutes * 60_000);
  const local = new Date(utc.getTime() + 3 * 3_600_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+03:00`
  );
}

/** Generates a newsroom as plain data. */
export function generateNewsroom(input: NewsroomOptions): Newsroom {
  const options = { ...DEFAULTS, ...input } as Required<NewsroomOptions>;
  const random = prng(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  /** Popular items first: a long tail like real tag and author use. */
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2.2 * list.length)] as T;

  const fill = (pattern: string) =>
    pattern
      .replaceAll('{place}', () => pick(PLACES))
      .replaceAll('{person}', () => pick(PEOPLE))
      .replaceAll('{org}', () => pick(ORGS))
      .replaceAll('{day}', () => pick(DAYS))
      .replaceAll('{month}', () => pick(MONTHS))
      .replaceAll('{percent}', () => {
        const n = String(int(2, 89));
        // Copy mixes Western and Arabic-Indic digits, as real newsrooms do.
        return random() < 0.5 ? n : toArabicDigits(n);
      })
      .replaceAll('{number}', () => String(int(2, 120) * 100));

  const sections = SECTIONS.map((s) => ({ ...s }));
  const pictures: NewsroomPicture[] = Array.from({ length: Math.max(0, options.imagePool) }, (_, i) => ({
    id: `picture-${pad(i + 1, 3)}`,
    hue: int(0, 359),
    seed: int(1, 2 ** 30),
  }));
  const authors: NewsroomAuthor[] = Array.from({ length: Math.max(1, options.authors) }, (_, i) => {
    const base = AUTHOR_NAMES[i % AUTHOR_NAMES.length] ?? 'محرر';
    const name = i >= AUTHOR_NAMES.length ? `${base} ${i + 1}` : base;
    return {
      id: `author-${pad(i + 1, 3)}`,
      name,
      role: pick(['محرر', 'مراسل', 'محررة', 'مراسلة', 'كاتب', 'محلل اقتصادي']),
      bio: `${name} ${fill(pick(SENTENCES.common ?? []))}`,
      avatar: i,
    };
  });
  const tags = tagVocabulary(options.tags);

  const paragraph = (section: string) => {
    const pool = [...(SENTENCES.common ?? []), ...(SENTENCES[section] ?? [])];
    return Array.from({ length: int(2, 4) }, () => fill(pick(pool))).join(' ');
  };
  const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

  const articles: NewsroomArticle[] = [];
  let minutes = 0;
  for (let i = 0; i < options.articles; i++) {
    const n = i + 1;
    const section = pick(sections).slug;
    const title = fill(pick(TITLE_PATTERNS));
    const lead = paragraph(section);
    const target = int(options.words[0], options.words[1]);
    const blocks = [lead];
    let words = wordCount(lead);
    let sinceHeading = 1;
    while (words < target) {
      let block: string;
      const roll = random();
      if (sinceHeading >= 3 && roll < 0.35) {
        block = `## ${pick(HEADINGS)}`;
        sinceHeading = 0;
      } else if (roll < 0.06) {
        block = `> ${pick(QUOTES)}`;
      } else if (roll < 0.1) {
        block = Array.from({ length: int(3, 5) }, () => `- ${fill(pick(SENTENCES.common ?? []))}`).join('\n');
      } else {
        block = paragraph(section);
        sinceHeading++;
      }
      blocks.push(block);
      words += wordCount(block);
    }
    minutes += int(20, 600);
    const tagCount = int(1, 5);
    const articleTags = [...new Set(Array.from({ length: tagCount }, () => pickSkewed(tags)))];
    const articleAuthors = [pickSkewed(authors).id];
    if (random() < 0.1) {
      const second = pick(authors).id;
      if (second !== articleAuthors[0]) articleAuthors.push(second);
    }
    const hasImage = pictures.length > 0 && random() < options.imageShare;
    const article: NewsroomArticle = {
      id: `a-${pad(n, 6)}`,
      slug: `${title
        .replace(/[^\p{L}\p{N}\s]/gu, '')
        .trim()
        .split(/\s+/)
        .slice(0, 6)
        .join('-')}-${n}`,
      section,
      title,
      description: lead.split('. ')[0]?.replace(/\.?$/, '.') ?? lead,
      published: instant(minutes),
      tags: articleTags,
      authors: articleAuthors,
      breaking: random() < 0.02,
      body: blocks.join('\n\n') + '\n',
    };
    if (random() < 0.4) article.deck = fill(pick(SENTENCES.common ?? [])).replace(/\.$/, '');
    if (hasImage) {
      article.image = {
        picture: pick(pictures).id,
        alt: `رسم توضيحي لمشهد من ${pick(PLACES)}`,
        caption: fill('مشهد من {place}'),
      };
    }
    articles.push(article);
  }
  // Newest first, as a newsroom's archive reads.
  articles.reverse();
  return { options, sections, authors, pictures, articles };
}

export {
  articleFile,
  articleMarkdown,
  articlePicturePath,
  LAYOUT,
  pictureSvg,
  writeNewsroom,
  type WriteOptions,
} from './write.ts';
