/** The import report as the terminal prints it: counts first, then every skipped and degraded item. */
import type { ImportReport } from '../import.ts';

export function formatReport(report: ImportReport, limit = 50): string {
  const { counts } = report;
  const c = counts.comments;
  const lines = [
    `Read ${counts.items} items (WXR ${report.wxrVersion}).`,
    `Imported ${counts.articles} published stories and ${counts.drafts} drafts in ${counts.sections} sections, by ${counts.authors} authors, with ${counts.tags} tags and ${counts.images} pictures.`,
    `Comments: ${c['approved'] ?? 0} approved, ${c['pending'] ?? 0} pending; left out ${c['spam'] ?? 0} spam, ${c['trash'] ?? 0} trash, ${(c['pingback'] ?? 0) + (c['trackback'] ?? 0)} pingbacks and trackbacks.`,
    `Redirects: ${counts.redirects} old addresses.`,
    `Time zone: ${report.timeZone.note}.`,
  ];
  const list = (
    title: string,
    items: readonly { id: string; title: string; reason?: string; file?: string }[],
  ) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, limit)) {
      lines.push(`  #${item.id} ${item.title || '(no title)'}: ${item.reason ?? item.file ?? ''}`);
    }
    if (items.length > limit) lines.push(`  … and ${items.length - limit} more in import-report.json`);
  };
  list('Skipped', report.skipped);
  list('Imported with changes', report.degraded);
  list(
    'Pictures imported without',
    report.missingMedia.map((m) => ({ ...m, reason: `${m.file}: ${m.reason}` })),
  );
  if (report.fetchedMedia) {
    const f = report.fetchedMedia;
    lines.splice(
      4,
      0,
      `Pictures fetched: ${f.downloaded} downloaded, ${f.cached} from the cache (${f.cacheDir}), ${f.failed} failed.`,
    );
  }
  if (report.renamedSections.length > 0) {
    lines.push('', 'Sections renamed:');
    for (const renamed of report.renamedSections)
      lines.push(`  ${renamed.wordpress} → ${renamed.slug}: ${renamed.reason}`);
  }
  const others = Object.entries(report.otherTypes);
  if (others.length > 0) lines.push('', `Left out: ${others.map(([type, n]) => `${n} ${type}`).join(', ')}.`);
  return lines.join('\n');
}
