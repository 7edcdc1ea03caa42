import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { instantSchema } from '../../config/article.ts';
import { schemaFields, UnsupportedFieldError } from './fields.ts';

const options = { label: () => undefined, timeZone: 'Asia/Damascus' };

describe('schemaFields', () => {
  it('makes an enum a select of its values, with its default, and an object list a list of its fields', () => {
    // The shape the story kinds and corrections take in the article schema.
    const schema = z.object({
      kind: z.enum(['news', 'live', 'opinion']).default('news'),
      corrections: z
        .array(z.object({ date: instantSchema('Asia/Damascus'), text: z.string().min(1) }))
        .default([]),
    });
    const [kind, corrections] = schemaFields(schema, {
      ...options,
      optionLabel: (path, value) => (path === 'kind' && value === 'live' ? 'مباشر' : undefined),
    });
    expect(kind).toEqual({
      name: 'kind',
      label: 'kind',
      widget: 'select',
      options: [
        { value: 'news', label: 'news' },
        { value: 'live', label: 'مباشر' },
        { value: 'opinion', label: 'opinion' },
      ],
      required: false,
      default: 'news',
    });
    expect(corrections).toEqual({
      name: 'corrections',
      label: 'corrections',
      widget: 'list',
      required: false,
      default: [],
      fields: [
        {
          name: 'date',
          label: 'date',
          widget: 'datetime',
          input_timezone: 'Asia/Damascus',
          output_utc: false,
          required: true,
        },
        { name: 'text', label: 'text', widget: 'string', required: true },
      ],
    });
  });

  it('reads a string-or-Date union as a date in the newsroom’s zone, written with its offset', () => {
    const [published] = schemaFields(z.object({ published: z.union([z.string(), z.date()]) }), options);
    expect(published).toMatchObject({
      widget: 'datetime',
      input_timezone: 'Asia/Damascus',
      output_utc: false,
      required: true,
    });
  });

  it('makes a list of strings a simple list, a record a key-value table, a URL a URL field', () => {
    const fields = schemaFields(
      z.object({
        tags: z.array(z.string()).max(5),
        social: z.record(z.string(), z.url()),
        site: z.url().optional(),
        count: z.number().int(),
        multi: z.array(z.enum(['a', 'b'])),
      }),
      options,
    );
    expect(fields.map((field) => [field.name, 'widget' in field ? field.widget : 'string'])).toEqual([
      ['tags', 'list'],
      ['social', 'keyvalue'],
      ['site', 'string'],
      ['count', 'number'],
      ['multi', 'select'],
    ]);
    expect(fields[0]).toMatchObject({ max: 5 });
    expect(fields[2]).toMatchObject({ type: 'url', required: false });
    expect(fields[3]).toMatchObject({ value_type: 'int' });
    expect(fields[4]).toMatchObject({ multiple: true });
  });

  it('takes a widget and a label by the field’s path, an item of a list as `*`', () => {
    const fields = schemaFields(
      z.object({ photos: z.array(z.object({ src: z.string(), alt: z.string() })) }),
      {
        ...options,
        label: (path) => (path === 'photos.*.alt' ? 'وصف' : undefined),
        widgets: { 'photos.*.src': { widget: 'image' } },
      },
    );
    expect(fields[0]).toMatchObject({
      fields: [
        { name: 'src', widget: 'image' },
        { name: 'alt', label: 'وصف', widget: 'string' },
      ],
    });
  });

  it('refuses a field it has no widget for, naming it', () => {
    expect(() => schemaFields(z.object({ when: z.bigint() }), options)).toThrow(UnsupportedFieldError);
    expect(() => schemaFields(z.object({ when: z.bigint() }), options)).toThrow(/"when"/);
  });
});
