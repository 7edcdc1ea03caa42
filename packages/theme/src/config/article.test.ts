import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { rawScalars } from '../lib/frontmatter.ts';
import { createArticleSchema, createAuthorSchema } from './article.ts';

/**
 * The messages a site owner reads for bad frontmatter. Astro prints each issue as `**<path>**: <message>`
 * under the entry's name; tests/frontmatter-errors.test.ts builds a site once to prove they get there.
 */

const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: ['politics'],
  timeZone: 'Africa/Cairo',
});
const authorSchema = createAuthorSchema({ image: () => z.string() });

const valid = {
  title: 'عنوان',
  description: 'وصف',
  published: '2016-12-01T10:00:00+02:00',
  section: 'politics',
};

/** Each issue as `path: message`, the two things Astro prints of it. */
function issues(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/**
 * What the articles loader hands the schema for a file: YAML's values, with the date fields replaced by
 * the text the author typed (`rawScalars`), as `articlesLoader()` in content.ts does.
 */
function loaded(frontmatter: Record<string, unknown>, typed: string): Record<string, unknown> {
  return { ...frontmatter, ...rawScalars(`---\n${typed}\n---\n`, ['published', 'updated']) };
}

describe('the article schema', () => {
  it('accepts a complete article and fills the defaults', () => {
    expect(articleSchema.parse(valid)).toMatchObject({
      title: 'عنوان',
      tags: [],
      authors: [],
      draft: false,
      breaking: false,
    });
  });

  it.each([
    ['title', 'is required: every article needs a headline (title: "…")'],
    ['description', 'is required: a sentence or two that sums up the story'],
  ] as const)('names a missing %s', (field, message) => {
    const without = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
    expect(issues(articleSchema, without)).toEqual([`${field}: ${message}`]);
  });

  it('names an empty title', () => {
    expect(issues(articleSchema, { ...valid, title: '  ' })).toEqual([
      'title: is empty: every article needs a headline',
    ]);
  });

  it('takes the one section of a site that has one when the story leaves it out', () => {
    const { section: _, ...rest } = valid;
    expect(articleSchema.parse(rest).section).toBe('politics');
  });

  it('names a missing section on a site with several', () => {
    const twoSections = createArticleSchema({
      image: () => z.string(),
      reference: () => z.string(),
      sections: ['politics', 'economy'],
      timeZone: 'Africa/Cairo',
    });
    const { section: _, ...rest } = valid;
    expect(issues(twoSections, rest)).toEqual(['section: is required: one of "politics", "economy"']);
  });

  it('names an unknown section and lists the site’s', () => {
    expect(issues(articleSchema, { ...valid, section: 'sport' })).toEqual([
      `section: "sport" is not one of the site's sections; use one of "politics", or add it to the sections of khabar() in astro.config`,
    ]);
  });

  it('names an impossible date, even unquoted (YAML would quietly make it 1 March)', () => {
    // YAML reads `published: 2016-02-30` as 1 March, which the schema would accept…
    expect(issues(articleSchema, { ...valid, published: new Date('2016-03-01T00:00:00Z') })).toEqual([]);
    // …so the loader hands over the text as typed, and that fails.
    const data = loaded({ ...valid, published: new Date('2016-03-01T00:00:00Z') }, 'published: 2016-02-30');
    const [message, ...more] = issues(articleSchema, data);
    expect(more).toEqual([]);
    expect(message).toMatch(/^published: .*2016-02-30.*not a real date/);
    expect(message).toMatch(/Write a real date such as "2016-12-01T14:20:00\+03:00"$/);
  });

  it('reads a date without an offset in the newsroom’s zone, not at midnight UTC', () => {
    const data = loaded({ ...valid, published: new Date('2016-12-01T00:00:00Z') }, 'published: 2016-12-01');
    // Midnight in Cairo (UTC+2 in 2016).
    expect(articleSchema.parse(data).published.toISOString()).toBe('2016-11-30T22:00:00.000Z');
  });

  it('names an update earlier than the publication', () => {
    expect(issues(articleSchema, { ...valid, updated: '2016-11-30T10:00:00+02:00' })).toEqual([
      'updated: is earlier than "published": an update cannot come before the story',
    ]);
  });

  it('names a misspelt field, with the fields there are', () => {
    const [message, ...more] = issues(articleSchema, { ...valid, categry: 'sport' });
    expect(more).toEqual([]);
    expect(message).toMatch(
      /^categry: is not a field an article has: check the spelling\. The fields are title, deck,/,
    );
  });

  it('names a slug with a space or a slash', () => {
    expect(issues(articleSchema, { ...valid, slug: 'قمة العشرين/2016' })).toEqual([
      'slug: must be letters and digits joined by single dashes, with no spaces or slashes, e.g. "قمة-العشرين"',
    ]);
    expect(articleSchema.parse({ ...valid, slug: 'قمة-العشرين' }).slug).toBe('قمة-العشرين');
  });

  it('names a picture without its description', () => {
    expect(issues(articleSchema, { ...valid, image: { src: './a.jpg' } })).toEqual([
      'image.alt: is required: describe the picture for readers who cannot see it',
    ]);
  });

  it('hands each picture’s file to the story’s own image() helper, and only a story’s with pictures', () => {
    const asked: string[] = [];
    const forStory = (folder: string) =>
      createArticleSchema({
        image: () =>
          z.string().transform((src) => {
            asked.push(`${folder}:${src}`);
            return `${folder}/${src.replace('./', '')}`;
          }),
        reference: () => z.string(),
        sections: ['politics'],
        timeZone: 'Africa/Cairo',
      });
    const photo = { src: './lead.jpg', alt: 'الصورة', caption: 'تعليق' };
    const gallery = [
      { src: './1.jpg', alt: 'الأولى' },
      { src: './2.jpg', alt: 'الثانية', credit: 'قسم الصور' },
    ];
    const story = forStory('a').parse({ ...valid, image: photo, kind: 'gallery', gallery });
    expect(story.image).toEqual({ ...photo, src: 'a/lead.jpg' });
    expect(story.gallery).toEqual([
      { src: 'a/1.jpg', alt: 'الأولى' },
      { src: 'a/2.jpg', alt: 'الثانية', credit: 'قسم الصور' },
    ]);
    // The schema is shared between stories; the helper is not.
    expect(forStory('b').parse({ ...valid, image: photo }).image?.src).toBe('b/lead.jpg');
    forStory('c').parse(valid);
    expect(asked).toEqual(['a:./lead.jpg', 'a:./1.jpg', 'a:./2.jpg', 'b:./lead.jpg']);
  });

  it('names the picture whose file the image() helper refuses, and waits for one that answers later', async () => {
    const refusing = createArticleSchema({
      image: () =>
        z.string().refine((src) => src !== './missing.jpg', { error: 'Image ./missing.jpg does not exist' }),
      reference: () => z.string(),
      sections: ['politics'],
      timeZone: 'Africa/Cairo',
    });
    const gallery = [
      { src: './here.jpg', alt: 'هنا' },
      { src: './missing.jpg', alt: 'غائبة' },
    ];
    expect(issues(refusing, { ...valid, kind: 'gallery', gallery })).toEqual([
      'gallery.1.src: Image ./missing.jpg does not exist',
    ]);
    // Astro's image() for a legacy collection resolves files asynchronously.
    const later = createArticleSchema({
      image: () => z.string().transform((src) => Promise.resolve({ file: src })),
      reference: () => z.string(),
      sections: ['politics'],
      timeZone: 'Africa/Cairo',
    });
    const story = await later.parseAsync({ ...valid, image: { src: './lead.jpg', alt: 'الصورة' } });
    expect(story.image?.src).toEqual({ file: './lead.jpg' });
  });

  it('reports every bad field of a file at once', () => {
    const { title: _, ...rest } = valid;
    const data = loaded({ ...rest, section: 'sport', slug: 'a b' }, 'published: 2016-02-30');
    expect(issues(articleSchema, data).map((issue) => issue.split(':')[0])).toEqual([
      'title',
      'published',
      'section',
      'slug',
    ]);
  });
});

describe('the author schema', () => {
  it('names a missing name', () => {
    expect(issues(authorSchema, {})).toEqual(['name: is required: the name readers see in bylines']);
  });

  it('names a misspelt field, with the fields there are', () => {
    const [message] = issues(authorSchema, { name: 'مكتب', rol: 'x' });
    expect(message).toBe(
      'rol: is not a field an author has: check the spelling. The fields are name, names, role, bio, avatar, social',
    );
  });
});

describe('story kinds, live coverage and corrections', () => {
  it('makes a story a news report unless it says otherwise, with no corrections', () => {
    expect(articleSchema.parse(valid)).toMatchObject({ kind: 'news', corrections: [] });
  });

  it('names a kind it does not know', () => {
    const [issue] = issues(articleSchema, { ...valid, kind: 'column' });
    expect(issue).toMatch(/^kind: /);
    expect(issue).toContain('opinion');
  });

  it('reads corrections with their dates in the newsroom’s zone', () => {
    const data = articleSchema.parse({
      ...valid,
      corrections: [{ date: '2016-12-01 12:00', text: 'الصحيح أن الاجتماع عُقد الخميس.' }],
    }) as { corrections: { date: Date; text: string }[] };
    expect(data.corrections[0]?.date.toISOString()).toBe('2016-12-01T10:00:00.000Z');
  });

  it('names a correction without text, or dated before the story', () => {
    expect(issues(articleSchema, { ...valid, corrections: [{ date: '2016-12-01T12:00:00+02:00' }] })).toEqual(
      ['corrections.0.text: is required: what was wrong and what is right'],
    );
    expect(
      issues(articleSchema, { ...valid, corrections: [{ date: '2016-11-30T12:00:00+02:00', text: 'x' }] }),
    ).toEqual(['corrections.0.date: is earlier than "published": a correction comes after the story']);
  });

  it('takes coverageEnded for live coverage only, and not before the story', () => {
    expect(issues(articleSchema, { ...valid, coverageEnded: '2016-12-01T23:00:00+02:00' })).toEqual([
      'coverageEnded: is for live coverage only: add "kind: live", or remove "coverageEnded" from this news story',
    ]);
    expect(
      issues(articleSchema, { ...valid, kind: 'live', coverageEnded: '2016-11-30T23:00:00+02:00' }),
    ).toEqual(['coverageEnded: is earlier than "published": coverage cannot end before it starts']);
    expect(
      issues(articleSchema, { ...valid, kind: 'live', coverageEnded: '2016-12-01T23:00:00+02:00' }),
    ).toEqual([]);
  });
});
