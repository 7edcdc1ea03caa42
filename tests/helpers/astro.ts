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
  // Vitest sets NODE_ENV=test and mirrors import.meta.env into process.env (MODE, DEV, PROD, SSR,
  // BASE_URL), and Astro keeps what it finds: a build would then run with import.meta.env.DEV true
  // (dev-only attributes such as data-image-component in pages rendered on request). A site owner's
  // `astro build` has none of them, so neither does the tests' build.
  const inherited = { ...process.env };
  for (const name of ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'])
    Reflect.deleteProperty(inherited, name);
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
export async function buildOrThrow(
  root: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<string> {
  const result = await runAstro(root, ['build', ...args], env);
  if (result.code !== 0) throw new Error(`astro build failed in ${root}:\n${result.output}`);
  return result.output;
}
