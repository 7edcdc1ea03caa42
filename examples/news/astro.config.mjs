// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import khabar from 'astro-theme-khabar';
import { copyComments, openStore } from 'khabar-comments/store';

// `pnpm start:server` builds the newsroom for a Node server: only the home page, the first page of each
// listing and the feeds are built ahead, and every story is rendered when a reader asks for it.
const onDemand = process.env.KHABAR_EXAMPLE_SERVER === '1';

// `pnpm start` keeps a per-machine secret for the comment forms' time tokens here, so a rebuild after
// moderating signs the forms the running receiver expects.
const devSecret = new URL('./comments/.dev-secret', import.meta.url);
if (!process.env.KHABAR_COMMENTS_SECRET && existsSync(devSecret)) {
  process.env.KHABAR_COMMENTS_SECRET = readFileSync(devSecret, 'utf8').trim();
}

// Comments are stored in one SQLite file, which the receiver (`pnpm start`), the CLI (`pnpm comments`)
// and the build's loader all read; it is git-ignored. A fresh clone has none yet: the first build fills
// it with the sample comments the repository ships, as `khabar-comments migrate --from
// export:sample-comments.json --to sqlite:comments/comments.db` would.
const commentStore = 'sqlite:comments/comments.db';
if (!existsSync(new URL('./comments/comments.db', import.meta.url))) {
  const base = fileURLToPath(new URL('.', import.meta.url));
  const samples = await openStore('export:sample-comments.json', { base });
  const store = await openStore(commentStore, { base });
  try {
    await copyComments(samples, store);
  } finally {
    await store.close();
  }
}

export default defineConfig({
  site: 'https://khabar.example',
  ...(onDemand ? { adapter: node({ mode: 'standalone' }) } : {}),
  integrations: [
    khabar({
      title: 'خبر',
      tagline: 'أخبار المنطقة والعالم، بلا ضجيج',
      locale: 'ar-SY',
      digits: 'arab',
      calendar: 'gregorian',
      monthNames: 'both',
      timeZone: 'Asia/Damascus',
      sections: [
        { slug: 'politics', name: 'سياسة', description: 'الشؤون السياسية في المنطقة والعالم' },
        { slug: 'economy', name: 'اقتصاد', description: 'الأسواق والطاقة والأعمال' },
        { slug: 'sports', name: 'رياضة', description: 'المباريات والبطولات والرياضيون' },
        { slug: 'culture', name: 'ثقافة', description: 'الكتب والسينما والفنون والتراث' },
        { slug: 'technology', name: 'تكنولوجيا', description: 'الاتصالات والتطبيقات والابتكار' },
      ],
      // The English edition, under /en/: its stories are in src/content/articles/en/, each naming the
      // Arabic story it translates (translationOf), so the two link each other (docs/en/multilingual.md).
      editions: {
        en: {
          locale: 'en',
          title: 'Khabar',
          tagline: 'News from the region and the world, without the noise',
          sections: [
            { slug: 'politics', name: 'Politics', description: 'Politics in the region and the world' },
            { slug: 'economy', name: 'Economy', description: 'Markets, energy and business' },
            { slug: 'sports', name: 'Sports', description: 'Matches, championships and athletes' },
          ],
        },
      },
      // The example newsroom is a snapshot of 1 December 2016: its clock is pinned to that evening, so the
      // breaking-news strip shows what it showed then (a real site leaves `now` out: the build's time).
      now: '2016-12-01T18:00:00+02:00',
      home: { topStories: 4, storiesPerSection: 4, breakingHours: 24 },
      // Fifteen stories: a small page size so listings show their pagination — on the Node server one
      // story a page, so even a four-story section has later pages rendered on request.
      perPage: onDemand ? 1 : 3,
      // Comments go to the receiver `pnpm start` runs beside the site (khabar-comments serve).
      comments: {
        endpoint: process.env.KHABAR_COMMENTS_ENDPOINT ?? 'http://localhost:8787/',
        origins: ['http://localhost:4321', 'https://khabar.example'],
        dir: 'comments',
        store: commentStore,
      },
      // On the Node server the search page is answered there, from an SQLite index built with the
      // site; the static site searches in the reader's browser with Pagefind.
      search: onDemand ? 'server' : 'pagefind',
      // On the Node server, no story is built ahead: recentDays 0 counts from the pinned clock.
      rendering: onDemand ? { prerender: 'recent', recentDays: 0 } : { prerender: 'all' },
      // The web editor at /admin/ (docs/en/editing.md), committing to the newsroom's Forgejo (a Gitea
      // backend). In the repository the example lives in examples/news. On localhost the editor also
      // works on a local copy of the repository, with no sign-in.
      cms: {
        backend: {
          name: 'gitea',
          repo: 'khabar/news',
          api_root: 'https://git.khabar.example/api/v1',
          base_url: 'https://git.khabar.example',
        },
        root: 'examples/news',
      },
      social: {
        x: 'https://x.com/khabar_example',
        telegram: 'https://t.me/khabar_example',
        facebook: 'https://www.facebook.com/khabar.example',
      },
    }),
  ],
});
