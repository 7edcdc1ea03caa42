import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from './routes.ts';
import { footerPages, publishedPages, sitePageProblems, sitePageSlug } from './site-pages.ts';

const page = (id: string, title = id, draft = false) => ({
  id,
  filePath: `src/content/pages/${id}.md`,
  data: { title, draft },
});
const taken = { sections: [{ slug: 'politics', name: 'سياسة' }], reserved: RESERVED_SLUGS };

describe('sitePageSlug', () => {
  it('is the id, or its last segment for a page in a subfolder', () => {
    expect(sitePageSlug('من-نحن')).toBe('من-نحن');
    expect(sitePageSlug('about/team')).toBe('team');
  });
});

describe('sitePageProblems', () => {
  it('accepts pages at addresses of their own', () => {
    expect(sitePageProblems([page('من-نحن'), page('contact')], taken)).toEqual([]);
  });

  it("names the file of a page at a section's address", () => {
    expect(sitePageProblems([page('politics')], taken)).toEqual([
      'src/content/pages/politics.md: the page would be published at /politics/, which is the page of the section "سياسة". Rename the file, or give the page another "slug" in its frontmatter.',
    ]);
  });

  it.each(['archive', 'search', 'tags', 'authors', 'og', '404', 'pagefind'])(
    "names the file of a page at the theme's own /%s/",
    (slug) => {
      const [problem, ...more] = sitePageProblems([page(slug)], taken);
      expect(more).toEqual([]);
      expect(problem).toMatch(
        new RegExp(
          `^src/content/pages/${slug}\\.md: the page would be published at /${slug}/, which the theme uses`,
        ),
      );
    },
  );

  it('compares without case, as the sections do', () => {
    expect(sitePageProblems([page('Archive')], taken)).toHaveLength(1);
    expect(sitePageProblems([page('Politics')], taken)).toHaveLength(1);
  });

  it('names both files of two pages at one address, drafts included', () => {
    const a = page('about');
    const b = { ...page('team/about', 'Team', true), filePath: 'src/content/pages/team/about.md' };
    expect(sitePageProblems([a, b], taken)).toEqual([
      'Two pages would be published at /about/: src/content/pages/about.md and src/content/pages/team/about.md. Rename one of them, or give it another "slug" in its frontmatter.',
    ]);
  });
});

describe('footerPages', () => {
  const pages = [page('contact', 'اتصل بنا'), page('about', 'من نحن'), page('jobs', 'وظائف', true)];

  it('links every published page by title, in the locale’s order', () => {
    expect(footerPages(pages, 'all', 'ar').map((p) => p.id)).toEqual(['contact', 'about']);
    expect(publishedPages(pages).map((p) => p.id)).toEqual(['contact', 'about']);
  });

  it('links the pages listed, in their order, and none for an empty list', () => {
    expect(footerPages(pages, ['about', 'contact'], 'ar').map((p) => p.id)).toEqual(['about', 'contact']);
    expect(footerPages(pages, [], 'ar')).toEqual([]);
  });

  it('names a listed slug with no published page, and the pages there are', () => {
    expect(() => footerPages(pages, ['jobs'], 'ar')).toThrow(
      'pages.footer in the khabar() options lists "jobs", which is not a published page (src/content/pages/jobs.md). The published pages are: "contact", "about".',
    );
  });
});
