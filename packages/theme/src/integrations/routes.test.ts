import { describe, expect, it } from 'vitest';
import { KhabarConfigSchema } from '../config/user-config.ts';
import { routeTable } from '../lib/routes.ts';
import { routeOptions } from './routes.ts';

const config = KhabarConfigSchema.parse({});
const seo = { robots: true, ownsSitemap: true };
const patterns = (site?: { favicon: boolean }) =>
  routeTable(routeOptions(config, seo, site)).map((route) => route.pattern);

describe('routeOptions', () => {
  it("draws the site's icon unless the site has its own public/favicon.svg", () => {
    expect(patterns()).toContain('/favicon.svg');
    expect(patterns({ favicon: false })).toContain('/favicon.svg');
    expect(patterns({ favicon: true })).not.toContain('/favicon.svg');
  });
});
