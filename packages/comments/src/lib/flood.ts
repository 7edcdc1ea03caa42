/** Flood control: one accepted comment per window from the same address key. */

export interface FloodGuard {
  /**
   * Reserves the slot for `key` at `now`; gives 0 when granted, or the seconds to wait. A guard kept in
   * a database answers with a promise, and rejects when the database cannot be reached.
   */
  reserve(key: string, now: number, windowMs: number): number | Promise<number>;
  /** Gives the slot back (the submission was refused after all, so nothing was stored). */
  release(key: string, at: number): void | Promise<void>;
}

/**
 * In-process flood control: what the file store and `MemoryStore` use. The SQLite and PostgreSQL stores
 * bring their own (`store.flood`), kept in the database and so shared by every receiver using it.
 */
export class MemoryFloodGuard implements FloodGuard {
  readonly #last = new Map<string, number>();

  reserve(key: string, now: number, windowMs: number): number {
    const last = this.#last.get(key);
    if (last !== undefined && now - last < windowMs) return Math.ceil((windowMs - (now - last)) / 1000);
    if (this.#last.size > 50_000) {
      for (const [k, t] of this.#last) if (now - t >= windowMs) this.#last.delete(k);
    }
    this.#last.set(key, now);
    return 0;
  }

  release(key: string, at: number): void {
    if (this.#last.get(key) === at) this.#last.delete(key);
  }
}
