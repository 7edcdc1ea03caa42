import { describe, expect, it } from 'vitest';
import khabar from '../index.ts';
import { parseWithFriendlyErrors } from './friendly-errors.ts';
import { KhabarConfigSchema, type KhabarUserConfig } from './user-config.ts';

const valid: KhabarUserConfig = {
  title: 'خبر',
  sections: [{ slug: 'politics', name: 'سياسة' }],
};

function messageOf(options: unknown): string {
  try {
    khabar(options as KhabarUserConfig);
  } catch (error) {
    const { message, hint } = error as Error & { hint?: string };
    return `${message}\n${hint ?? ''}`;
  }
  throw new Error('expected khabar() to throw');
}

describe('khabar() options', () => {
  it('fills defaults', () => {
    const config = parseWithFriendlyErrors(KhabarConfigSchema, valid, 'x');
    expect(config).toMatchObject({
      locale: 'ar',
      digits: 'arab',
      calendar: 'gregorian',
      monthNames: 'locale',
      timeZone: 'UTC',
      routes: { article: '/{section}/{slug}' },
      fonts: { body: 'noto-naskh-arabic', headings: 'cairo' },
      components: {},
      strings: {},
    });
  });

  it('builds everything ahead unless told otherwise, with cache lifetimes for pages rendered on request', () => {
    const config = parseWithFriendlyErrors(KhabarConfigSchema, valid, 'x');
    expect(config.rendering).toEqual({
      prerender: 'all',
      recentDays: 2,
      incremental: true,
      cache: {
        stories: { sMaxAge: 86_400, staleWhileRevalidate: 604_800 },
        listings: { sMaxAge: 600, staleWhileRevalidate: 86_400 },
        timely: { sMaxAge: 60, staleWhileRevalidate: 600 },
        browserMaxAge: 60,
      },
    });
  });

  it('names a rendering mode it does not know, and a negative lifetime', () => {
    const message = messageOf({
      ...valid,
      rendering: { prerender: 'archive', cache: { stories: { sMaxAge: -1 } } },
    });
    expect(message).toMatch(
      /\*\*rendering\.prerender\*\* must be one of "all", "recent", "none" \(got "archive"\)/,
    );
    expect(message).toMatch(/\*\*rendering\.cache\.stories\.sMaxAge\*\*/);
  });

  it('returns an Astro integration for valid options', () => {
    expect(khabar(valid).name).toBe('astro-theme-khabar');
  });

  it('builds with no options at all, as `npx astro add` writes it', () => {
    expect(khabar().name).toBe('astro-theme-khabar');
  });

  it('names an empty site title', () => {
    const message = messageOf({ title: ' ', sections: valid.sections });
    expect(message).toContain('Invalid khabar() options');
    expect(message).toMatch(/\*\*title\*\* give the site a name/);
  });

  it('names the bad field, what was expected and what was found', () => {
    const message = messageOf({
      ...valid,
      digits: 'roman',
      timeZone: 'Mars/Olympus',
      locale: 'not a locale!',
    });
    expect(message).toMatch(/\*\*digits\*\* must be one of "arab", "latn", "arabext" \(got "roman"\)/);
    expect(message).toMatch(/\*\*timeZone\*\* is not an IANA time zone.*\(got "Mars\/Olympus"\)/);
    expect(message).toMatch(/\*\*locale\*\* is not a BCP 47 language tag/);
    expect(message).toContain('node_modules/astro-theme-khabar/README.md');
  });

  it('points at the exact section at fault', () => {
    const message = messageOf({
      ...valid,
      sections: [
        { slug: 'politics', name: 'سياسة' },
        { slug: 'politics', name: 'سياسة ٢' },
        { slug: 'Bad Slug', name: 'x' },
        { slug: 'tags', name: 'وسوم' },
      ],
    });
    expect(message).toMatch(/\*\*sections\[1\]\.slug\*\* "politics" is used by two sections/);
    expect(message).toMatch(/\*\*sections\[2\]\.slug\*\* must be letters and digits/);
    expect(message).toMatch(/\*\*sections\[3\]\.slug\*\* is used by the theme's own pages and files/);
  });

  it.each(['pagefind', 'og', 'search', 'archive'])(
    'refuses a section slug the theme or its tools publish at (%s)',
    (slug) => {
      const message = messageOf({ ...valid, sections: [{ slug, name: 'قسم' }] });
      expect(message).toMatch(
        /\*\*sections\[0\]\.slug\*\* is used by the theme's own pages and files \(.*pagefind.*\)/,
      );
      expect(message).toContain(slug);
    },
  );

  it('sends a site that still sets seo.buildTime to the one clock, now', () => {
    const message = messageOf({ ...valid, seo: { buildTime: '2016-12-02T08:00:00+02:00' } });
    expect(message).toMatch(/\*\*seo\.buildTime\*\* has moved: set the top-level `now` option instead/);
  });

  it('explains an empty section list and a bad article pattern', () => {
    expect(messageOf({ ...valid, sections: [] })).toMatch(/\*\*sections\*\* list at least one section/);
    expect(messageOf({ ...valid, routes: { article: '/{section}/{id}' } })).toMatch(
      /\*\*routes\.article\*\* "\{id\}" in the article pattern is not a known token/,
    );
  });

  it('catches misspelt options', () => {
    expect(messageOf({ ...valid, tagLine: 'x' })).toMatch(/has unknown option "tagLine": check the spelling/);
    expect(messageOf({ ...valid, components: { Heder: './x.astro' } })).toMatch(/\*\*components\*\*/);
  });
});
