/**
 * The `<title>` of a page from the site's template.
 * @example pageTitle('{title} | {site}', 'روسيا تطالب…', 'خبر') // 'روسيا تطالب… | خبر'
 * @example pageTitle('{title} | {site}', undefined, 'خبر') // 'خبر' (the home page)
 */
export function pageTitle(template: string, title: string | undefined, site: string): string {
  if (!title || title === site) return site;
  return template.replace(/\{(title|site)\}/g, (_, key: string) => (key === 'title' ? title : site)).trim();
}
