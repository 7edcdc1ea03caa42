import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { createUpdateSchema } from './update.ts';

const schema = createUpdateSchema({ reference: () => z.string(), timeZone: 'Asia/Damascus' });

function issues(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the live update schema', () => {
  it('reads a time without an offset in the newsroom’s zone', () => {
    const data = schema.parse({ time: '2016-12-01 14:20', title: 'بداية الهطول', author: 'news-desk' });
    expect(data.time.toISOString()).toBe('2016-12-01T12:20:00.000Z');
    expect(data).toMatchObject({ title: 'بداية الهطول', author: 'news-desk' });
  });

  it('names a missing time, an empty title and a field it does not know', () => {
    expect(issues({})[0]).toMatch(/^time: /);
    expect(issues({ time: '2016-12-01T14:20:00+02:00', title: ' ' })).toEqual([
      'title: is empty: give the update a headline or leave "title" out',
    ]);
    expect(issues({ time: '2016-12-01T14:20:00+02:00', headline: 'x' })[0]).toMatch(
      /^headline: is not a field a live update has/,
    );
  });
});
