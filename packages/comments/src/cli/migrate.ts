/** `khabar-comments migrate --from <store> --to <store>`: moves every comment, then proves nothing was lost. */
import { copyComments, formatSummary } from '../store/migrate.ts';
import { describeStore, parseStoreSpec } from '../store/spec.ts';
import { openStore } from '../store/open.ts';
import { UsageError, type CliIo, type Flags } from './usage.ts';

export async function migrate(flags: Flags, io: CliIo): Promise<number> {
  if (!flags.from || !flags.to)
    throw new UsageError(
      'Give both stores: khabar-comments migrate --from file:./comments --to sqlite:./comments/comments.db',
    );
  const fromSpec = parseStoreSpec(flags.from, io.cwd, '--from');
  const toSpec = parseStoreSpec(flags.to, io.cwd, '--to');
  if (toSpec.kind === 'export')
    throw new UsageError(
      '--to cannot be an export (it is read-only): use khabar-comments export --out instead.',
    );
  if (describeStore(fromSpec) === describeStore(toSpec))
    throw new UsageError('--from and --to are the same store.');
  const from = await openStore(fromSpec, { readOnly: true });
  try {
    const to = await openStore(toSpec);
    try {
      const report = await copyComments(from, to);
      io.out(`from ${describeStore(fromSpec)}: ${formatSummary(report.source)}`);
      io.out(`to   ${describeStore(toSpec)}: ${formatSummary(report.copied)}`);
      io.out(
        `${report.added} copied, ${report.alreadyThere} already there${report.extra ? `, ${report.extra} other comment(s) in the target left as they were` : ''}.`,
      );
      if (report.copied.checksum !== report.source.checksum || report.copied.total !== report.source.total) {
        io.err('The copy differs from the source: keep using the source, and report this.');
        return 1;
      }
      // A record the source cannot read is not copied: say which, so none is left behind unnoticed.
      const corrupt = (await from.corrupt?.()) ?? [];
      if (corrupt.length > 0) {
        for (const record of corrupt)
          io.err(
            `not copied, corrupt: ${record.id} (${record.status}) ${record.file} ${record.reason.split('\n')[0] ?? ''}`,
          );
        io.err(
          `${corrupt.length} corrupt comment(s) in ${describeStore(fromSpec)} were not copied: restore them from a backup and run migrate again, or delete them there.`,
        );
        return 1;
      }
      io.out(
        `The checksums match: every comment is in ${describeStore(toSpec)}. The source is untouched; point --store (or the site's \`store\` option) at the new store.`,
      );
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
