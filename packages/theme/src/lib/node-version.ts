/**
 * The Node.js the theme needs, checked when `khabar()` is called. Astro 7's own CLI stops earlier on an
 * older Node with its message, but a site can load the integration from another tool (a test runner, a
 * script calling Astro's JavaScript API, a future Astro), and then the site owner should read how to get
 * a newer Node, not a syntax error from deep inside a dependency.
 */

/** The oldest Node.js Astro 7, and so the theme, runs on. */
export const MINIMUM_NODE = [22, 12, 0] as const;

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/**
 * What to tell a site owner whose Node.js is too old, or undefined when it is recent enough.
 * @example nodeVersionProblem('20.20.2') // 'Khabar needs Node.js 22.12.0 or newer … this is Node.js 20.20.2 …'
 * @example nodeVersionProblem('22.23.3') // undefined
 */
export function nodeVersionProblem(version: string): string | undefined {
  const have = parts(version);
  for (let i = 0; i < MINIMUM_NODE.length; i++) {
    const mine = have[i] ?? 0;
    const needed = MINIMUM_NODE[i] ?? 0;
    if (mine > needed) return undefined;
    if (mine < needed) {
      return [
        `Khabar needs Node.js ${MINIMUM_NODE.join('.')} or newer (as Astro 7 does); this is Node.js ${version.replace(/^v/, '')}.`,
        'Either add Node 24 to the project with `npm install --save-dev node@24`: npm scripts (`npm run build`,',
        '`npm run dev`) then run with that Node 24 first on the PATH (npm 11 warns that the package runs an',
        'install script; it is the step that fetches the Node binary). Or install Node 24 on the machine with',
        'a version manager (`nvm install 24`, `fnm install 24`, `volta install node@24`) and run Astro with it.',
      ].join(' ');
    }
  }
  return undefined;
}
