import { COMPONENT_NAMES, type ComponentName } from '../config/components.ts';
import type { KhabarConfig } from '../config/user-config.ts';
import { resolveSpecifier, themeFile } from './theme-files.ts';

/**
 * The module each page part resolves to: the site's override, or the theme's own. Without comments the
 * `Comments` part is the theme's empty `NoComments`.
 */
export function resolveComponents(
  overrides: KhabarConfig['components'],
  projectRoot: string,
  withComments: boolean,
): Record<ComponentName, string> {
  const entries = COMPONENT_NAMES.map((name) => {
    const override = overrides[name];
    if (!override && name === 'Comments' && !withComments) {
      return [name, themeFile('src/components/NoComments.astro')] as const;
    }
    if (!override) return [name, themeFile(`src/components/${name}.astro`)] as const;
    return [name, resolveSpecifier(override, projectRoot)] as const;
  });
  return Object.fromEntries(entries) as Record<ComponentName, string>;
}
