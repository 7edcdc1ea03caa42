import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);

/** Runs a workspace binary and returns its exit code and output. */
async function tool(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`node_modules/${bin}`, ...args], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: code ?? 1, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

/** `pnpm lint`, inside the test run: a warning or a mis-formatted file is a failure, not a note. */
describe('the repository’s code rules', () => {
  it('ESLint (type-aware) reports nothing', { timeout: 600_000 }, async () => {
    const { code, output } = await tool('eslint/bin/eslint.js', ['.', '--max-warnings', '0']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });

  it('every file is formatted with Prettier', { timeout: 300_000 }, async () => {
    const { code, output } = await tool('prettier/bin/prettier.cjs', ['--check', '.', '--log-level', 'warn']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
