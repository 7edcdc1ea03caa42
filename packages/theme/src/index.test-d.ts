/**
 * The public config type, pinned: changing what a site owner may write in khabar() fails here, so a
 * breaking change is a visible one (and needs a major changeset).
 */
import type { AstroIntegration } from 'astro';
import { describe, expectTypeOf, it } from 'vitest';
import khabar, { type KhabarConfig, type KhabarUserConfig } from './index.ts';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

describe('khabar() options', () => {
  it('requires nothing: khabar() with no options builds a starter site', () => {
    expectTypeOf<RequiredKeys<KhabarUserConfig>>().toEqualTypeOf<never>();
    expectTypeOf(khabar).parameter(0).toEqualTypeOf<KhabarUserConfig | undefined>();
    expectTypeOf(khabar).returns.toEqualTypeOf<AstroIntegration>();
  });

  it('keeps each option’s accepted values', () => {
    expectTypeOf<KhabarUserConfig['title']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<KhabarUserConfig['tagline']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<KhabarUserConfig['locale']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<KhabarUserConfig['digits']>().toEqualTypeOf<'arab' | 'latn' | 'arabext' | undefined>();
    expectTypeOf<KhabarUserConfig['calendar']>().toEqualTypeOf<
      'gregorian' | 'gregorian+hijri' | 'hijri+gregorian' | 'persian' | undefined
    >();
    expectTypeOf<KhabarUserConfig['monthNames']>().toEqualTypeOf<
      'locale' | 'egyptian' | 'levantine' | 'both' | undefined
    >();
    expectTypeOf<KhabarUserConfig['timeZone']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<KhabarUserConfig['sections']>[number]>().toEqualTypeOf<{
      slug: string;
      name: string;
      description?: string | undefined;
    }>();
    expectTypeOf<NonNullable<KhabarUserConfig['logo']>>().toEqualTypeOf<{ src: string; alt: string }>();
    expectTypeOf<NonNullable<KhabarUserConfig['routes']>>().toEqualTypeOf<{ article?: string | undefined }>();
    expectTypeOf<NonNullable<KhabarUserConfig['wordsPerMinute']>>().toEqualTypeOf<number>();
    expectTypeOf<
      NonNullable<NonNullable<KhabarUserConfig['components']>['Footer']>
    >().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<NonNullable<KhabarUserConfig['strings']>['nav.home']>>().toEqualTypeOf<string>();
  });

  it('resolves every default', () => {
    expectTypeOf<KhabarConfig['locale']>().toEqualTypeOf<string>();
    expectTypeOf<KhabarConfig['digits']>().toEqualTypeOf<'arab' | 'latn' | 'arabext'>();
    expectTypeOf<KhabarConfig['routes']>().toEqualTypeOf<{ article: string }>();
  });
});
