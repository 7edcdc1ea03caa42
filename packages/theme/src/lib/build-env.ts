/**
 * What a build must not take from the environment it was started in.
 *
 * Astro inlines into a module that reads `import.meta.env` as a whole every environment variable whose
 * *name* occurs anywhere in that module's source (`getReferencedPrivateKeys` in Astro's
 * `vite-plugin-import-meta-env`: a substring test). `_` is in every such module — Astro's actions runtime,
 * which every page imports, among them — and a shell sets `_` to the program it starts (`/usr/bin/npx`,
 * `/usr/local/bin/pnpm`, `/usr/bin/timeout`…). So the code of every page, and with it the code hash Astro's
 * incremental build compares, changed whenever the build was started another way, and the build rendered
 * every page again: four minutes instead of thirty seconds for a 10,000-story site.
 */

/** Variables a shell sets anew for every command it runs, which say nothing about the site. */
export const INVOCATION_VARIABLES = ['_'] as const;

/**
 * Removes the {@link INVOCATION_VARIABLES} from `env` (the build's `process.env`, before Vite starts), so
 * that a build's code is the same however it was started; returns the names it removed.
 * @example forgetInvocation({ _: '/usr/bin/npx', SITE: 'x' }) // ['_'], leaving { SITE: 'x' }
 */
export function forgetInvocation(env: Record<string, string | undefined>): string[] {
  const removed: string[] = [];
  for (const name of INVOCATION_VARIABLES) {
    if (name in env) {
      Reflect.deleteProperty(env, name);
      removed.push(name);
    }
  }
  return removed;
}
