/** The moderation commands: list, show, approve, spam, trash, delete and export, over any store. */
import { callDeployHook, describeDeploy } from '../lib/deploy.ts';
import { excerpt } from '../lib/markdown.ts';
import type { Manifest } from '../config/options.ts';
import { STATUSES, type CommentStatus, type StoredComment } from '../store/comment.ts';
import { resolve } from 'node:path';
import { buildExport, exportText, writeExportFile } from '../store/export.ts';
import { CorruptCommentError, type CommentStore, type CorruptRecord } from '../store/types.ts';
import { UsageError, type CliIo, type Flags } from './usage.ts';

const STATUS_LABEL: Record<CommentStatus, string> = {
  pending: 'pending  (في انتظار المراجعة)',
  approved: 'approved (منشور)',
  spam: 'spam     (مزعج)',
  trash: 'trash    (محذوف)',
};

function isStatus(value: string): value is CommentStatus {
  return (STATUSES as readonly string[]).includes(value);
}

function date(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** One comment, readable in a terminal: Arabic text on lines of its own so the terminal cannot mix it with the columns. */
export function formatComment(comment: StoredComment, full: boolean): string {
  const c = comment.public;
  const lines = [
    `${c.id}  ${comment.status.padEnd(8)}  ${date(c.createdAt)} UTC  post: ${c.postId}${c.parentId ? `  reply to: ${c.parentId}` : ''}`,
    `    ${c.author || '—'}${c.url ? `  <${c.url}>` : ''}`,
  ];
  if (full) {
    lines.push(`    status: ${STATUS_LABEL[comment.status]}`);
    lines.push(`    e-mail: ${comment.private.email || '—'}   address: ${comment.private.ip ?? '—'}`);
    lines.push(`    agent:  ${comment.private.userAgent || '—'}`);
    lines.push('');
    for (const line of c.body.split('\n')) lines.push(`    ${line}`);
  } else {
    lines.push(`    ${excerpt(c.body, 100)}`);
  }
  return lines.join('\n');
}

/** A corrupt record, as `list` shows it: the id, that it is corrupt, the file and what is wrong. */
export function formatCorrupt(record: CorruptRecord): string {
  const reason = record.reason.split('\n').map((line) => `    ${line}`);
  return [
    `${record.id}  corrupt   (in ${record.status})  file: ${record.file}`,
    ...reason,
    `    Not on the site. Restore the file from a backup, or remove it: khabar-comments delete ${record.id}`,
  ].join('\n');
}

/** The corrupt record of `id`, when the store can tell. */
async function corruptRecord(store: CommentStore, id: string): Promise<CorruptRecord | undefined> {
  return (await store.corrupt?.({ id }))?.[0];
}

function refusal(id: string, command: string, record: CorruptRecord): string {
  return `${id}: not moved to ${command} — the comment is corrupt: ${record.file} ${record.reason.split('\n')[0] ?? ''}. Restore the file from a backup, or remove it with khabar-comments delete ${id}.`;
}

/** `--status`, checked: a status, or `all`. */
function statusFilter(flags: Flags, fallback: string): CommentStatus | undefined {
  const status = flags.status ?? fallback;
  if (status !== 'all' && !isStatus(status))
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, all`);
  return status === 'all' ? undefined : status;
}

export const MODERATION_COMMANDS = ['list', 'show', 'approve', 'spam', 'trash', 'delete', 'export'] as const;
export type ModerationCommand = (typeof MODERATION_COMMANDS)[number];

/** Runs one moderation command; resolves to the exit code. */
export async function moderate(
  command: ModerationCommand,
  flags: Flags,
  ids: string[],
  store: CommentStore,
  manifest: Manifest | undefined,
  io: CliIo,
): Promise<number> {
  switch (command) {
    case 'list': {
      const status = statusFilter(flags, 'pending');
      const comments = await store.list({ status, postId: flags.post });
      // A corrupt record's post cannot be read: it is listed whatever --post says.
      const corrupt = (await store.corrupt?.({ status })) ?? [];
      if (flags.json) {
        io.out(
          JSON.stringify(
            comments.map((c) => ({ status: c.status, ...c.public })),
            null,
            2,
          ),
        );
        // stdout stays an array of comments for scripts; the damaged ones are said on stderr.
        for (const record of corrupt)
          io.err(
            `corrupt: ${record.id} (${record.status}) ${record.file} ${record.reason.split('\n')[0] ?? ''}`,
          );
        return 0;
      }
      if (comments.length === 0 && corrupt.length === 0) io.out(`No ${status ? `${status} ` : ''}comments.`);
      for (const comment of comments) io.out(`${formatComment(comment, false)}\n`);
      for (const record of corrupt) io.out(`${formatCorrupt(record)}\n`);
      return 0;
    }
    case 'show': {
      const id = ids[0];
      if (!id) throw new UsageError('Which comment? khabar-comments show <id>');
      const comment = await store.get(id);
      if (!comment) {
        const record = await corruptRecord(store, id);
        io.err(record ? `The comment is corrupt:\n${formatCorrupt(record)}` : `No comment with id "${id}".`);
        return 1;
      }
      io.out(flags.json ? JSON.stringify(comment, null, 2) : formatComment(comment, true));
      return 0;
    }
    case 'approve':
    case 'spam':
    case 'trash': {
      if (ids.length === 0) throw new UsageError(`Which comment? khabar-comments ${command} <id>…`);
      const status: CommentStatus = command === 'approve' ? 'approved' : command;
      let failed = 0;
      let approved = 0;
      for (const id of ids) {
        const record = await corruptRecord(store, id);
        if (record) {
          io.err(refusal(id, status, record));
          failed++;
          continue;
        }
        const updated = await store.setStatus(id, status).catch((error: unknown) => {
          if (!(error instanceof CorruptCommentError)) throw error;
          io.err(refusal(id, status, error.record));
          return null;
        });
        if (updated === null) {
          failed++;
          continue;
        }
        if (!updated) {
          io.err(`No comment with id "${id}".`);
          failed++;
          continue;
        }
        if (status === 'approved') approved++;
        io.out(`${id}: ${STATUS_LABEL[status]}`);
      }
      const hook = flags['deploy-hook'] ?? io.env['KHABAR_COMMENTS_DEPLOY_HOOK'] ?? manifest?.deployHook;
      if (approved > 0 && hook && !flags['no-deploy']) io.out(describeDeploy(await callDeployHook(hook)));
      else if (approved > 0) io.out('Rebuild the site to publish the approved comments.');
      return failed > 0 ? 1 : 0;
    }
    case 'delete': {
      if (ids.length === 0) throw new UsageError('Which comment? khabar-comments delete <id>…');
      let failed = 0;
      for (const id of ids) {
        const record = await corruptRecord(store, id);
        if (await store.delete(id)) io.out(`${id}: deleted${record ? ' (it was corrupt)' : ''}`);
        else {
          io.err(`No comment with id "${id}".`);
          failed++;
        }
      }
      return failed > 0 ? 1 : 0;
    }
    case 'export': {
      const comments = await store.list({ status: statusFilter(flags, 'all'), postId: flags.post });
      const data = buildExport(comments, new Date(), flags.private);
      // An export is a backup: say which records it could not read, so none is missed unnoticed.
      for (const record of (await store.corrupt?.({ status: statusFilter(flags, 'all') })) ?? [])
        io.err(`not exported, corrupt: ${record.id} (${record.status}) ${record.file}`);
      if (!flags.out) {
        io.out(exportText(data).trimEnd());
        return 0;
      }
      const file = resolve(io.cwd, flags.out);
      await writeExportFile(file, data);
      io.out(`${comments.length} comment(s) written to ${file}`);
      return 0;
    }
  }
}
