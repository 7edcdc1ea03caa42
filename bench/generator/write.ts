/**
 * Writes a generated newsroom (`index.ts`) as an Astro content folder: Markdown articles, author JSON
 * files and JPEG pictures drawn from SVG with sharp.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Newsroom, NewsroomArticle, NewsroomPicture } from './index.ts';
import { prng } from './random.ts';

const yamlString = (s: string) => JSON.stringify(s);

/** The Markdown file of an article; `picturePath` maps a picture id to the path the file references. */
export function articleMarkdown(article: NewsroomArticle, picturePath: (id: string) => string): string {
  const lines = ['---', `title: ${yamlString(article.title)}`];
  if (article.deck) lines.push(`deck: ${yamlString(article.deck)}`);
  lines.push(
    `description: ${yamlString(article.description)}`,
    `published: ${yamlString(article.published)}`,
    `section: ${article.section}`,
    `tags: [${article.tags.map(yamlString).join(', ')}]`,
    `authors: [${article.authors.map(yamlString).join(', ')}]`,
  );
  if (article.breaking) lines.push('breaking: true');
  if (article.image) {
    lines.push(
      'image:',
      `  src: ${yamlString(picturePath(article.image.picture))}`,
      `  alt: ${yamlString(article.image.alt)}`,
      `  caption: ${yamlString(article.image.caption)}`,
    );
  }
  lines.push(`slug: ${yamlString(article.slug)}`, '---', '', article.body);
  return lines.join('\n');
}

/** A flat landscape, drawn as SVG from a picture's parameters. */
export function pictureSvg(picture: NewsroomPicture, width: number, height: number): string {
  const random = prng(picture.seed);
  const hsl = (dh: number, s: number, l: number) => `hsl(${(picture.hue + dh + 360) % 360} ${s}% ${l}%)`;
  const hills = Array.from({ length: 3 }, (_, layer) => {
    const base = height * (0.55 + layer * 0.13);
    const points = Array.from({ length: 7 }, (_, k) => {
      const x = (k / 6) * width;
      const y = base - random() * height * 0.18;
      return `${x.toFixed(0)},${y.toFixed(0)}`;
    });
    return `<polygon points="0,${height} ${points.join(' ')} ${width},${height}" fill="${hsl(20 * layer, 30 + 10 * layer, 55 - 12 * layer)}"/>`;
  });
  const sun = `<circle cx="${(0.2 + random() * 0.6) * width}" cy="${height * (0.2 + random() * 0.15)}" r="${height * 0.08}" fill="${hsl(40, 80, 85)}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${hsl(180, 35, 82)}"/>${sun}${hills.join('')}</svg>`
  );
}

export interface WriteOptions {
  /** Width of article pictures (16:9). Smaller pictures make fewer responsive variants. */
  pictureWidth?: number;
}

/** Where `writeNewsroom()` puts each kind of file, relative to the site root. */
export const LAYOUT = {
  articles: 'src/content/articles',
  authors: 'src/content/authors',
  pictures: 'src/assets/newsroom',
} as const;

/** Where an article's Markdown file sits, relative to the site root: one folder per section. */
export const articleFile = (article: Pick<NewsroomArticle, 'section' | 'id'>) =>
  `${LAYOUT.articles}/${article.section}/${article.id}.md`;

/** A picture's path as an article's frontmatter gives it: articles sit one folder deeper (by section). */
export const articlePicturePath = (id: string) => `../../../assets/newsroom/${id}.jpg`;

/** Writes a newsroom's content into an Astro site folder. Returns the number of files written. */
export async function writeNewsroom(
  root: string,
  newsroom: Newsroom,
  { pictureWidth = 960 }: WriteOptions = {},
) {
  const { default: sharp } = await import('sharp');
  const picturesDir = join(root, LAYOUT.pictures);
  await mkdir(picturesDir, { recursive: true });
  await mkdir(join(root, LAYOUT.authors), { recursive: true });
  for (const section of newsroom.sections)
    await mkdir(join(root, LAYOUT.articles, section.slug), { recursive: true });
  let files = 0;

  const jpeg = { quality: 80, mozjpeg: true };
  for (const picture of newsroom.pictures) {
    const height = Math.round((pictureWidth * 9) / 16);
    await sharp(Buffer.from(pictureSvg(picture, pictureWidth, height)))
      .jpeg(jpeg)
      .toFile(join(picturesDir, `${picture.id}.jpg`));
    files++;
  }
  for (const author of newsroom.authors) {
    const avatar = { id: `avatar-${author.id}`, hue: (author.avatar * 47) % 360, seed: author.avatar + 1 };
    await sharp(Buffer.from(pictureSvg(avatar, 192, 192)))
      .jpeg(jpeg)
      .toFile(join(picturesDir, `${avatar.id}.jpg`));
    const json = {
      name: author.name,
      role: author.role,
      bio: author.bio,
      avatar: `../../assets/newsroom/${avatar.id}.jpg`,
    };
    await writeFile(join(root, LAYOUT.authors, `${author.id}.json`), JSON.stringify(json, null, 2) + '\n');
    files += 2;
  }
  const batch = 200;
  for (let i = 0; i < newsroom.articles.length; i += batch) {
    await Promise.all(
      newsroom.articles
        .slice(i, i + batch)
        .map((article) =>
          writeFile(join(root, articleFile(article)), articleMarkdown(article, articlePicturePath)),
        ),
    );
    files += Math.min(batch, newsroom.articles.length - i);
  }
  return files;
}
