import { describe, expect, it } from 'vitest';
import khabar from '../index.ts';
import { parseWithFriendlyErrors } from './friendly-errors.ts';
import { KhabarConfigSchema, type KhabarUserConfig } from './user-config.ts';

const sections = [
  { slug: 'politics', name: 'سياسة' },
  { slug: 'economy', name: 'اقتصاد' },
];
// Sections given: the site's own (since first-hour, `sections` may be left out, so the type allows it).
const site = { title: 'خبر', locale: 'ar-SY', sections } satisfies KhabarUserConfig;
const english = { locale: 'en', title: 'Khabar', sections: [{ slug: 'politics', name: 'Politics' }] };

function messageOf(options: KhabarUserConfig): string {
  try {
    khabar(options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected khabar() to throw');
}

describe('editions', () => {
  it('has none unless asked, and fills an edition’s digits and calendar', () => {
    expect(parseWithFriendlyErrors(KhabarConfigSchema, site, 'x').editions).toEqual({});
    const config = parseWithFriendlyErrors(KhabarConfigSchema, { ...site, editions: { en: english } }, 'x');
    expect(config.editions['en']).toEqual({ ...english, digits: 'latn', calendar: 'gregorian', strings: {} });
  });
  it('names an edition section the site does not have', () => {
    const message = messageOf({
      ...site,
      editions: { en: { ...english, sections: [{ slug: 'sport', name: 'Sport' }] } },
    });
    expect(message).toContain('**editions.en.sections[0].slug** "sport" is not one of the site\'s sections');
  });
  it('refuses a key that is not a language code, or that a section or a page of the theme takes', () => {
    expect(messageOf({ ...site, editions: { English: english } })).toContain('must be a language code');
    expect(messageOf({ ...site, editions: { og: english } })).toContain(
      '**editions.og** "og" is already a section\'s slug or a page of the theme\'s',
    );
    expect(
      messageOf({
        ...site,
        sections: [...site.sections, { slug: 'en', name: 'إنكليزي' }],
        editions: { en: english },
      }),
    ).toContain('**editions.en** "en" is already a section\'s slug');
  });
  it('refuses a second edition in the main edition’s language, and a locale that is no tag', () => {
    expect(messageOf({ ...site, editions: { ar: { ...english, locale: 'ar-EG' } } })).toContain(
      '**editions.ar.locale** "ar-EG" is the language of the main edition (locale) too',
    );
    expect(messageOf({ ...site, editions: { en: { ...english, locale: 'english!' } } })).toContain(
      '**editions.en.locale** is not a BCP 47 language tag',
    );
  });
  it('asks an edition for its own title and sections', () => {
    const message = messageOf({ ...site, editions: { en: { locale: 'en' } as never } });
    expect(message).toContain('**editions.en.title**');
    expect(message).toContain('**editions.en.sections**');
  });
});
