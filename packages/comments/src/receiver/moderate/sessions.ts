/**
 * The moderator's sessions, in this process's memory: a random id in an HttpOnly cookie, the form
 * token (CSRF) of the session, and expiry kept here (idle and absolute), not trusted to the browser.
 * Several receivers behind one address need sticky sessions; a restart logs everyone out.
 */
import { sha256Hex } from '../../lib/crypto.ts';
import { randomToken } from '../../lib/csrf.ts';

export interface Flash {
  kind: 'done' | 'error';
  text: string;
}

export interface ModeratorSession {
  id: string;
  /** The form token every POST of this session carries. */
  csrf: string;
  /** The name the moderator gave at login, for the audit. */
  name: string;
  /** The password hash in force at login: a new password ends the session. */
  passwordHash: string;
  createdAt: number;
  lastSeen: number;
  /** A message for the next page (post/redirect/get). */
  flash?: Flash | undefined;
}

export class MemorySessions {
  readonly #sessions = new Map<string, ModeratorSession>();
  readonly #idleMs: number;
  readonly #maxMs: number;
  readonly #cap: number;

  constructor(options: { idleMinutes: number; maxHours: number; cap?: number }) {
    this.#idleMs = options.idleMinutes * 60_000;
    this.#maxMs = options.maxHours * 3_600_000;
    this.#cap = options.cap ?? 1000;
  }

  #expired(session: ModeratorSession, now: number): boolean {
    return now - session.lastSeen >= this.#idleMs || now - session.createdAt >= this.#maxMs;
  }

  create(name: string, passwordHash: string, now: number): ModeratorSession {
    for (const [id, session] of this.#sessions) if (this.#expired(session, now)) this.#sessions.delete(id);
    // Past the cap, the oldest session goes: nobody holds a thousand logins.
    while (this.#sessions.size >= this.#cap) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      this.#sessions.delete(oldest);
    }
    const session: ModeratorSession = {
      id: randomToken(),
      csrf: randomToken(),
      name,
      passwordHash,
      createdAt: now,
      lastSeen: now,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (its idle clock restarted), or undefined. */
  get(id: string | undefined, now: number): ModeratorSession | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    if (this.#expired(session, now)) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }

  /** How many live sessions there are (for tests). */
  size(now: number): number {
    let n = 0;
    for (const session of this.#sessions.values()) if (!this.#expired(session, now)) n++;
    return n;
  }
}

/** What the audit names a session by: a digest of its id, never the id itself. */
export async function sessionTag(id: string): Promise<string> {
  return (await sha256Hex(`khabar-moderator-session|${id}`)).slice(0, 12);
}
