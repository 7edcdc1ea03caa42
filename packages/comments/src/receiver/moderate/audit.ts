/**
 * The moderation audit: one JSON line per action (who, when, which comment, what was done, from which
 * address), given to the `audit` option; `serve` prints it and appends it to `moderation-audit.log`
 * in the comments folder.
 */
import { appendFile } from 'node:fs/promises';

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'login-limited'
  | 'logout'
  | 'refused'
  | 'approve'
  | 'spam'
  | 'trash'
  | 'pending'
  | 'delete'
  | 'reply';

export interface AuditEntry {
  /** ISO 8601, UTC. */
  at: string;
  action: AuditAction;
  /** The name given at login (empty when none was given or nobody is logged in). */
  who: string;
  /** A digest of the session id, so lines of one session can be told apart. */
  session: string | null;
  /** The client address as believed (only trusted proxies are believed). */
  address: string | null;
  /** The comment acted on. */
  comment?: string | undefined;
  post?: string | undefined;
  /** The editor's reply, when the action made one. */
  reply?: string | undefined;
  /** What came of it, briefly: the status before, the deploy hook's answer, the reason of a refusal. */
  detail?: string | undefined;
}

/** The line: `khabar-comments: audit {json}`. */
export function auditLine(entry: AuditEntry): string {
  return `khabar-comments: audit ${JSON.stringify(entry)}`;
}

/** Appends each entry as one JSON line to `file` (created readable by its owner only). */
export function appendAudit(file: string): (entry: AuditEntry) => Promise<void> {
  return (entry) => appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600, encoding: 'utf8' });
}
