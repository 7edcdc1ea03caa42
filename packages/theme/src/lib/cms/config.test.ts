/**
 * The editor's fields against the schemas they are generated from. The schema is asked, not read: which
 * fields it knows (its error for an unknown key lists them), which it requires (a story without the
 * field fails), which defaults it fills, which sections it allows. A field added to the article schema
 * that the editor does not offer, or offers wrongly, fails here.
 */
import type { EntryCollection } from '@sveltia/cms';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { CmsSchema, type CmsOptions } from '../../config/cms.ts';
import { createArticleSchema, createAuthorSchema } from '../../config/article.ts';
import { resolveStrings } from '../../config/strings.ts';
import { cmsConfig, previewPath } from './config.ts';

const SECTIONS = [
  { slug: 'politics', name: 'سياسة' },
  { slug: 'economy', name: 'اقتصاد' },
];
const ZONE = 'Asia/Damascus';

function options(input: unknown): CmsOptions {
  const cms = CmsSchema().parse(input);
  if (!cms) throw new Error('cms is off');
  return cms;
}

const config = cmsConfig({
  cms: options({ backend: { name: 'gitea', repo: 'khabar/news' }, root: 'sites/news' }),
  title: 'خبر',
  locale: 'ar-SY',
  timeZone: ZONE,
  sections: SECTIONS,
  articlePattern: '/{section}/{slug}',
  strings: resolveStrings('ar-SY', {}),
});
const [articles, authors] = (config.collections ?? []) as EntryCollection[];
if (!articles || !authors) throw new Error('two collections expected');

/**
 * A field as these tests read it. Sveltia's `Field` type admits custom fields (`Record<string, any>`),
 * so the tests read fields through this narrower view.
 */
interface Field {
  name: string;
  label?: string;
  widget?: string;
  required?: boolean | string[];
  default?: unknown;
  options?: ({ value: unknown; label: string } | string)[];
  multiple?: boolean;
  fields?: Field[];
}
const articleFields = articles.fields as unknown as Field[];
const authorFields = authors.fields as unknown as Field[];

/** The article schema as the editor's files meet it: a picture's file and an author's id are strings. */
const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: SECTIONS.map((section) => section.slug),
  timeZone: ZONE,
});
const authorSchema = createAuthorSchema({ image: () => z.string() });

const minimalStory = {
  title: 'عنوان',
  description: 'ملخص',
  published: '2016-12-01T14:20:00+02:00',
  section: 'politics',
};
const minimalAuthor = { name: 'نور سالم' };

/** The fields a schema knows, from its own error for an unknown key. */
function knownFields(schema: z.ZodType, valid: object): string[] {
  const result = schema.safeParse({ ...valid, notAField: 1 });
  const message = result.error?.issues.find((issue) => issue.path[0] === 'notAField')?.message ?? '';
  const list = /The fields are (.+)$/.exec(message)?.[1];
  if (!list) throw new Error(`the schema did not list its fields: ${message}`);
  return list.split(', ');
}

function fieldNamed(fields: readonly Field[], name: string): Field {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`no editor field "${name}"`);
  return field;
}

/** A value of the field's type, to try the schema with (a valid one: the tests are about presence). */
function sampleFor(field: Field): unknown {
  const widget = field.widget ?? 'string';
  if (widget === 'boolean') return true;
  if (widget === 'datetime') return '2016-12-02T10:00:00+02:00';
  if (widget === 'select') {
    const first = field.options?.[0];
    return typeof first === 'object' ? first.value : first;
  }
  if (widget === 'relation' || widget === 'list') return [];
  if (widget === 'keyvalue') return {};
  if (widget === 'object') {
    return Object.fromEntries((field.fields ?? []).map((child) => [child.name, sampleFor(child)]));
  }
  if (field.name === 'slug') return 'خبر-جديد';
  return 'نص';
}

/** Checks one collection's fields against its schema: names, required fields, defaults, options. */
function compare(fields: readonly Field[], schema: z.ZodType, minimal: Record<string, unknown>) {
  it('has one field per field of the schema, in its order', () => {
    expect(fields.map((field) => field.name)).toEqual(knownFields(schema, minimal));
  });
  it('requires exactly the fields the schema requires', () => {
    for (const field of fields) {
      const without = { ...minimal, [field.name]: sampleFor(field) };
      Reflect.deleteProperty(without, field.name);
      const required = !schema.safeParse(without).success;
      expect(field.required, `${field.name} required`).toBe(required);
    }
  });
  it('fills the defaults the schema fills', () => {
    const parsed = schema.parse(minimal) as Record<string, unknown>;
    for (const field of fields) {
      const filled = field.name in minimal ? undefined : parsed[field.name];
      expect(field.default, `${field.name} default`).toEqual(filled);
    }
  });
  it('offers in a select only what the schema accepts, and all of it', () => {
    for (const field of fields) {
      if (field.widget !== 'select') continue;
      const values = (field.options ?? []).map((option) =>
        typeof option === 'object' ? option.value : option,
      );
      for (const value of values) {
        const story = { ...minimal, [field.name]: field.multiple ? [value] : value };
        // The value itself is accepted: a rule across fields (kind: gallery needs its gallery) may still
        // ask for another field, which the editor shows on its own.
        const result = schema.safeParse(story);
        const ownIssues = result.success
          ? []
          : result.error.issues.filter((issue) => issue.path[0] === field.name);
        expect(ownIssues, `${field.name}: ${String(value)}`).toEqual([]);
      }
      const story = { ...minimal, [field.name]: field.multiple ? ['not-an-option'] : 'not-an-option' };
      expect(schema.safeParse(story).success, `${field.name} refuses other values`).toBe(false);
    }
  });
  it('labels every field in the site’s language', () => {
    const unlabelled = (list: readonly Field[]): string[] =>
      list.flatMap((field) => [
        ...(field.label && field.label !== field.name ? [] : [field.name]),
        ...unlabelled(field.fields ?? []),
      ]);
    expect(unlabelled(fields)).toEqual([]);
  });
}

describe('the stories’ editor', () => {
  const fields = articleFields.filter((field) => field.name !== 'body');
  compare(fields, articleSchema, minimalStory);

  it('offers the site’s sections by name', () => {
    expect(fieldNamed(fields, 'section')).toMatchObject({
      widget: 'select',
      required: true,
      options: [
        { value: 'politics', label: 'سياسة' },
        { value: 'economy', label: 'اقتصاد' },
      ],
    });
  });
  it('relates authors to the authors collection by file name, several to a story', () => {
    expect(fieldNamed(fields, 'authors')).toMatchObject({
      widget: 'relation',
      collection: 'authors',
      value_field: '{{slug}}',
      multiple: true,
    });
  });
  it('uploads the picture into the site’s assets, named relative to the story, with alt, caption and credit', () => {
    const image = fieldNamed(fields, 'image');
    expect(image).toMatchObject({ widget: 'object', required: false });
    const sub = image.fields ?? [];
    expect(sub.map((field) => [field.name, field.required])).toEqual([
      ['src', true],
      ['alt', true],
      ['caption', false],
      ['credit', false],
    ]);
    expect(fieldNamed(sub, 'src')).toMatchObject({ widget: 'image' });
    expect(articles.media_folder).toBe('/sites/news/src/assets/articles');
    expect(articles.public_folder).toBe('../../assets/articles');
  });
  it('takes dates in the newsroom’s zone and writes them with its offset', () => {
    for (const name of ['published', 'updated']) {
      expect(fieldNamed(fields, name)).toMatchObject({
        widget: 'datetime',
        input_timezone: ZONE,
        output_utc: false,
      });
    }
  });
  it('ends with the Markdown body, and writes Markdown files in the site’s folder', () => {
    expect(articleFields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', required: true });
    expect(articles).toMatchObject({
      folder: 'sites/news/src/content/articles',
      extension: 'md',
      format: 'yaml-frontmatter',
    });
  });
});

describe('the authors’ editor', () => {
  compare(authorFields, authorSchema, minimalAuthor);

  it('writes one JSON file per author, named once, with the portrait in the site’s assets', () => {
    expect(authors).toMatchObject({
      folder: 'sites/news/src/content/authors',
      extension: 'json',
      format: 'json',
      identifier_field: 'name',
      media_folder: '/sites/news/src/assets/authors',
      public_folder: '../../assets/authors',
    });
    expect(fieldNamed(authorFields, 'avatar')).toMatchObject({ widget: 'image', required: false });
  });
});

describe('cmsConfig', () => {
  it('has no config file to load and no empty optional fields to write', () => {
    expect(config.load_config_file).toBe(false);
    expect(config.output).toEqual({ omit_empty_optional_fields: true, yaml: { quote: 'double' } });
  });
  it('edits in the site’s language alone, so fields are right to left and files stay <slug>.md', () => {
    expect(config.i18n).toEqual({
      structure: 'multiple_files',
      locales: ['ar'],
      default_locale: 'ar',
      omit_default_locale_from_file_path: true,
    });
    expect(articles.i18n).toBe(true);
    expect(authors.i18n).toBe(true);
  });
  it('commits where the options say, in the publish mode they say', () => {
    const gitlab = cmsConfig({
      cms: options({
        backend: { name: 'gitlab', repo: 'newsroom/site', auth_type: 'pkce', app_id: 'abc' },
        publishMode: 'editorial_workflow',
      }),
      title: 'خبر',
      locale: 'fa-IR',
      timeZone: 'Asia/Tehran',
      sections: SECTIONS,
      articlePattern: '/{year}/{month}/{slug}',
      strings: resolveStrings('fa-IR', {}),
    });
    expect(gitlab.backend).toEqual({
      name: 'gitlab',
      repo: 'newsroom/site',
      auth_type: 'pkce',
      app_id: 'abc',
    });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    expect(gitlab.i18n?.locales).toEqual(['fa']);
    expect((gitlab.collections?.[0] as EntryCollection).folder).toBe('src/content/articles');
    expect((gitlab.collections?.[0] as EntryCollection).preview_path).toBe('/{{year}}/{{month}}/{{slug}}/');
  });
});

describe('previewPath', () => {
  it('turns the article pattern into the editor’s template tags', () => {
    expect(previewPath('/{section}/{slug}')).toBe('/{{fields.section}}/{{slug}}/');
    expect(previewPath('/news/{year}/{month}/{day}/{slug}')).toBe(
      '/news/{{year}}/{{month}}/{{day}}/{{slug}}/',
    );
  });
});

describe('CmsSchema', () => {
  it('is off by default', () => {
    expect(CmsSchema().parse(undefined)).toBe(false);
  });
  it('names the option at fault', () => {
    const result = CmsSchema().safeParse({ backend: { name: 'github' } });
    expect(result.error?.issues[0]?.path).toEqual(['backend', 'repo']);
    const host = CmsSchema().safeParse({ backend: { name: 'bitbucket', repo: 'a/b' } });
    expect(host.error?.issues[0]?.message).toMatch(/github.*gitlab.*gitea/);
    const folder = CmsSchema().safeParse({ backend: { name: 'gitea', repo: 'a/b' }, root: '../elsewhere' });
    expect(folder.error?.issues[0]?.path).toEqual(['root']);
  });
});
