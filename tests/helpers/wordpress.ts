/** Running khabar-wordpress from its source, in this process, as the tests of the importer do. */

/** The command line with these arguments: its exit code and what it printed. */
export async function runWordPressCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../packages/wordpress/src/cli.ts');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
