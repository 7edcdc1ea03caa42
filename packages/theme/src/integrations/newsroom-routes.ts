/**
 * The newsroom's browsing routes beyond the core pages: later pages of sections, tags and authors, the
 * date archive and the search page. A listing's page 1 and its later pages share one route file; its
 * `getStaticPaths` tells them apart by `routePattern`.
 */
export interface NewsroomRoute {
  pattern: string;
  /** The route file, relative to the theme's root. */
  entrypoint: string;
}

export function newsroomRoutes({ search }: { search: boolean }): NewsroomRoute[] {
  const routes: NewsroomRoute[] = [
    { pattern: '/[section]/page/[page]', entrypoint: 'src/routes/section.astro' },
    { pattern: '/tags/[tag]/page/[page]', entrypoint: 'src/routes/tag.astro' },
    { pattern: '/authors/[author]/page/[page]', entrypoint: 'src/routes/author.astro' },
    { pattern: '/archive', entrypoint: 'src/routes/archive.astro' },
    { pattern: '/archive/[year]', entrypoint: 'src/routes/archive-year.astro' },
    { pattern: '/archive/[year]/[month]', entrypoint: 'src/routes/archive-month.astro' },
    { pattern: '/archive/[year]/[month]/page/[page]', entrypoint: 'src/routes/archive-month.astro' },
  ];
  if (search) routes.push({ pattern: '/search', entrypoint: 'src/routes/search.astro' });
  return routes;
}
