import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { createPageSchema } from './page.ts';

const schema = createPageSchema({ timeZone: 'Asia/Damascus' });
const valid = { title: 'من  نحن', description: 'خبر موقع إخباري مستقل.' };

function issues(data: unknown): string[] {
  const result = (schema as z.ZodType).safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the page schema', () => {
  it('accepts a page and fills the defaults', () => {
    expect(schema.parse(valid)).toEqual({
      title: 'من نحن',
      description: 'خبر موقع إخباري مستقل.',
      draft: false,
    });
  });

  it('reads a wall-clock update in the newsroom’s zone', () => {
    expect(schema.parse({ ...valid, updated: '2016-12-01 14:20' }).updated?.toISOString()).toBe(
      '2016-12-01T12:20:00.000Z',
    );
  });

  it('names a missing title and description, and an unknown field', () => {
    expect(issues({})).toEqual([
      'title: is required: every page needs a heading (title: "من نحن")',
      'description: is required: a sentence or two that says what the page is for',
    ]);
    expect(issues({ ...valid, section: 'politics' })).toEqual([
      'section: is not a field a page has: check the spelling. The fields are title, description, updated, draft, slug',
    ]);
  });

  it('refuses a slug with a slash', () => {
    expect(issues({ ...valid, slug: 'about/team' })).toEqual([
      'slug: must be letters and digits joined by single dashes, with no spaces or slashes, e.g. "من-نحن"',
    ]);
  });
});
