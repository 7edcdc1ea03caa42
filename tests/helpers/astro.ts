import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface RunResult {
  code: number | null;
  output: string;
}

/**
 * Runs the Astro CLI of a project with the Node that runs the tests (Node 22 from the workspace), in a
 * child process so each build has a clean module graph.
 */
export function runAstro(root: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const require = createRequire(join(root, 'package.json'));
  let astroBin: string;
  try {
    astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  } catch {
    astroBin = join(
      dirname(createRequire(import.meta.url).resolve('astro/package.json')),
      'bin',
      'astro.mjs',
    );
  }
  // Vitest sets NODE_ENV=test, and Astro keeps a NODE_ENV it finds: a build would then run with
  // import.meta.env.DEV true (dev-only attributes such as data-image-component in the pages). A site
  // owner's `astro build` has no NODE_ENV, so neither does the tests' build.
  const { NODE_ENV: _vitestMode, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, ...args], {
      cwd: root,
      env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

/** Builds a project and throws with Astro's output when the build fails. */
export async function buildOrThrow(root: string, args: string[] = []): Promise<string> {
  const result = await runAstro(root, ['build', ...args]);
  if (result.code !== 0) throw new Error(`astro build failed in ${root}:\n${result.output}`);
  return result.output;
}
