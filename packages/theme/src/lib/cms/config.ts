/**
 * The web editor's configuration (Sveltia CMS's `CMS.init({ config })`), computed from the theme's
 * options and its article and author schemas: the fields are the schemas' (`fields.ts`), the sections
 * the site's, dates the newsroom's zone, the folders the loaders'.
 */
import { posix } from 'node:path';
import type { CmsConfig, EntryCollection, Field } from '@sveltia/cms';

export type { CmsConfig };
import { z } from 'astro/zod';
import type { CmsOptions } from '../../config/cms.ts';
import { createArticleSchema, createAuthorSchema } from '../../config/article.ts';
import { schemaFields, type FieldOptions, type FieldOverride } from './fields.ts';

/** What of the site the editor's configuration is computed from. */
export interface CmsInput {
  cms: CmsOptions;
  /** The site's title, shown on the editor's sign-in page. */
  title: string;
  /** The site's locale (`ar-SY`): its language is the stories' (right to left). */
  locale: string;
  timeZone: string;
  sections: readonly { slug: string; name: string }[];
  /** The article URL pattern (`routes.article`), for the editor's "view on the site" links. */
  articlePattern: string;
  /** The theme's UI strings for the site's language (with the site's overrides). */
  strings: Readonly<Record<string, string>>;
}

/**
 * The schemas as a frontmatter file holds them: a picture's file and an author's id are the strings
 * written there (Astro's `image()` and `reference()` resolve them only when the site builds).
 */
function fileSchemas(sections: readonly string[], timeZone: string) {
  const image = () => z.string();
  return {
    article: createArticleSchema({ image, reference: () => z.string(), sections, timeZone }),
    author: createAuthorSchema({ image }),
  };
}

/** A folder of the repository, from the site's root. */
function repoPath(cms: CmsOptions, folder: string): string {
  return posix.join(cms.root, folder);
}

/**
 * The editor's "view on the site" path for a story, from the article URL pattern.
 * @example previewPath('/{section}/{slug}') // '/{{fields.section}}/{{slug}}/'
 */
export function previewPath(pattern: string): string {
  const tags: Record<string, string> = {
    section: '{{fields.section}}',
    slug: '{{slug}}',
    year: '{{year}}',
    month: '{{month}}',
    day: '{{day}}',
  };
  const path = pattern.replace(/\{(\w+)\}/g, (whole, token: string) => tags[token] ?? whole);
  return path.endsWith('/') ? path : `${path}/`;
}

/** Labels from the UI strings: `cms.<collection>.<path>` (an item of a list drops its `*`). */
function labels(
  strings: Readonly<Record<string, string>>,
  collection: string,
): Omit<FieldOptions, 'timeZone'> {
  const key = (path: string) => `cms.${collection}.${path.replace(/\.\*(?=\.|$)/g, '')}`;
  return {
    label: (path) => strings[key(path)],
    optionLabel: (path, value) => strings[`${key(path)}=${value}`],
  };
}

/** A UI string the editor's configuration needs (the Arabic file has every one). */
function text(strings: Readonly<Record<string, string>>, id: string): string {
  const value = strings[id];
  if (value === undefined) throw new Error(`the UI string "${id}" is missing from the theme's translations`);
  return value;
}

/** Hints under fields, from the UI strings `cms.<collection>.<path>.hint`, where there are any. */
function withHints(fields: Field[], strings: Readonly<Record<string, string>>, collection: string): Field[] {
  return fields.map((field) => {
    const hint = strings[`cms.${collection}.${field.name}.hint`];
    return hint === undefined ? field : ({ ...field, hint } as Field);
  });
}

/** The stories: every field of the article schema, then the Markdown body. */
export function articleCollection(input: CmsInput): EntryCollection {
  const { cms, strings } = input;
  const folder = repoPath(cms, cms.folders.articles);
  const sections = input.sections.map((section) => section.slug);
  const widgets: Record<string, FieldOverride> = {
    description: { widget: 'text' },
    section: {
      widget: 'select',
      options: input.sections.map((section) => ({ value: section.slug, label: section.name })),
    },
    authors: {
      widget: 'relation',
      collection: 'authors',
      value_field: '{{slug}}',
      search_fields: ['name'],
      display_fields: ['name'],
      multiple: true,
    },
    'image.src': { widget: 'image', choose_url: false },
  };
  const fields = schemaFields(fileSchemas(sections, input.timeZone).article, {
    ...labels(strings, 'article'),
    widgets,
    timeZone: input.timeZone,
  });
  return {
    name: 'articles',
    label: text(strings, 'cms.articles'),
    label_singular: text(strings, 'cms.article'),
    icon: 'newspaper',
    folder,
    extension: 'md',
    format: 'yaml-frontmatter',
    // Forces the fields right to left (see `cmsConfig`'s `i18n`).
    i18n: true,
    // Uploaded pictures go into the site's assets folder; the story names them relative to its file,
    // as `image()` reads them (`../../assets/articles/photo.jpg`).
    media_folder: `/${repoPath(cms, cms.folders.articleMedia)}`,
    public_folder: posix.relative(cms.folders.articles, cms.folders.articleMedia),
    identifier_field: 'title',
    summary: '{{title}}',
    sortable_fields: {
      fields: ['published', 'title', 'section'],
      default: { field: 'published', direction: 'descending' },
    },
    preview_path: previewPath(input.articlePattern),
    preview_path_date_field: 'published',
    fields: [
      ...withHints(fields, strings, 'article'),
      { name: 'body', label: text(strings, 'cms.article.body'), widget: 'markdown', required: true },
    ],
  };
}

/** The authors: every field of the author schema, one JSON file each, named by the author's id. */
export function authorCollection(input: CmsInput): EntryCollection {
  const { cms, strings } = input;
  const widgets: Record<string, FieldOverride> = {
    bio: { widget: 'text' },
    avatar: { widget: 'image', choose_url: false },
    social: { widget: 'keyvalue' },
  };
  const fields = schemaFields(fileSchemas([], input.timeZone).author, {
    ...labels(strings, 'author'),
    widgets,
    timeZone: input.timeZone,
  });
  return {
    name: 'authors',
    label: text(strings, 'cms.authors'),
    label_singular: text(strings, 'cms.author'),
    icon: 'person',
    folder: repoPath(cms, cms.folders.authors),
    extension: 'json',
    format: 'json',
    i18n: true,
    media_folder: `/${repoPath(cms, cms.folders.authorMedia)}`,
    public_folder: posix.relative(cms.folders.authors, cms.folders.authorMedia),
    identifier_field: 'name',
    summary: '{{name}}',
    // The file name is the author's id, which stories name and the author's URL carries: typed once.
    slug: { template: '{{name}}', editable: ['create'] },
    fields: withHints(fields, strings, 'author'),
  };
}

/**
 * The whole configuration `CMS.init()` is given (`load_config_file: false`: there is no config.yml).
 * @example cmsConfig({ cms, title: 'خبر', locale: 'ar-SY', timeZone: 'Asia/Damascus', sections, articlePattern: '/{section}/{slug}', strings }).collections
 */
export function cmsConfig(input: CmsInput): CmsConfig {
  const { cms, strings } = input;
  const language = new Intl.Locale(input.locale).language;
  return {
    load_config_file: false,
    backend: cms.backend,
    publish_mode: cms.publishMode,
    app_title: text(strings, 'cms.title').replace('{site}', input.title),
    media_folder: repoPath(cms, cms.folders.articleMedia),
    // One locale: the stories' language. Sveltia lays a field out right to left only for an entry in a
    // right-to-left locale (`dir="auto"` alone ran «iPhone 17 يصل…» left to right); without the default
    // locale in the path it still writes `<slug>.md`.
    i18n: {
      structure: 'multiple_files',
      locales: [language],
      default_locale: language,
      omit_default_locale_from_file_path: true,
    },
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-', trim: true },
    output: {
      // An empty optional field is left out (the schema refuses `updated: ''`).
      omit_empty_optional_fields: true,
      // The style of the stories already in the repository.
      yaml: { quote: 'double' },
    },
    collections: [articleCollection(input), authorCollection(input)],
  };
}
