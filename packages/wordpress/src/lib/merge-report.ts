/** What `--into` changed in the site, as the terminal prints it after the import's report. */
import type { MergeSummary } from './into.ts';
import { MANIFEST_FILE } from './manifest.ts';

const ACTION_TITLES = {
  create: 'Added',
  update: 'Updated',
  'keep-edit': 'Edited in the site since the last import: kept as they are',
  'keep-deleted': 'Deleted from the site since the last import: left deleted',
  foreign: "The site's own files, which the import does not overwrite",
} as const;

export function formatMerge(merge: MergeSummary): string {
  const lines: string[] = [];
  const would = merge.applied ? '' : 'Would be ';
  const byAction = (action: keyof typeof ACTION_TITLES) =>
    merge.changes.filter((change) => change.action === action);
  const added = byAction('create').length;
  const updated = byAction('update').length;
  lines.push(
    merge.applied
      ? `Merged into ${merge.site}: ${added} files added, ${updated} updated, ${merge.unchanged} unchanged.`
      : `Dry run: nothing was written to ${merge.site}. It would add ${added} files and update ${updated}; ${merge.unchanged} are unchanged.`,
  );
  for (const action of Object.keys(ACTION_TITLES) as (keyof typeof ACTION_TITLES)[]) {
    const changes = byAction(action);
    if (changes.length === 0) continue;
    const title =
      action === 'create' || action === 'update'
        ? `${would}${ACTION_TITLES[action].toLowerCase()}`
        : ACTION_TITLES[action];
    lines.push('', `${title.charAt(0).toUpperCase()}${title.slice(1)} (${changes.length}):`);
    for (const change of changes) {
      const post = change.postId === undefined ? '' : ` (#${change.postId} ${change.title ?? ''})`;
      const conflict = change.conflict
        ? ': WordPress changed it too; --overwrite-edits takes its version'
        : '';
      lines.push(`  ${change.path}${post}${conflict}`);
    }
  }
  const c = merge.comments;
  lines.push(
    '',
    `Comments: ${c.added} ${merge.applied ? 'added' : 'to add'}, ${c.present} already in the site, ${c.deletedInSite} deleted in the site since an earlier import (not added again)${c.notImported ? `, ${c.notImported} not imported: the site's khabar() options have no comments` : ''}.`,
  );
  if (merge.keptPosts.length > 0) {
    lines.push(
      '',
      `Stories of earlier imports this export does not import (gone from WordPress, or now trashed or private), kept in the site (${merge.keptPosts.length}):`,
      ...merge.keptPosts.map((post) => `  #${post.postId} src/content/articles/${post.slug}.md`),
    );
  }
  if (merge.unusedCategories.length > 0) {
    lines.push('', `Categories with no posts, left out: ${merge.unusedCategories.join(', ')}.`);
  }
  if (merge.redirectsModule !== 'wired') {
    const state =
      merge.redirectsModule === 'not-wired'
        ? `${merge.configFile} does not pass src/redirects.mjs to Astro's redirects`
        : `make sure ${merge.configFile} passes src/redirects.mjs to Astro's redirects`;
    lines.push(
      '',
      `Redirects: ${state}. Add \`import redirects from './src/redirects.mjs';\` and \`redirects,\` (or \`redirects: { ...redirects, ...yours }\`) to its defineConfig({ … }); public/_redirects and khabar-redirects.map serve hosts that read them.`,
    );
  }
  lines.push('', `The import's record is ${MANIFEST_FILE}: commit it with the site, a re-run reads it.`);
  return lines.join('\n');
}
