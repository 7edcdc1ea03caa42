/**
 * A sliding-window limit on attempts, per key (an address) and for everyone together: what keeps
 * password guessing slow, and the scrypt work it costs bounded. In-process: each receiver counts its
 * own attempts.
 */

export interface RateLimits {
  /** Attempts allowed per key in the window. */
  perKey: number;
  /** Attempts allowed from all keys together in the window. */
  global: number;
  windowMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'key' | 'global' };

export class RateLimiter {
  readonly #limits: RateLimits;
  readonly #byKey = new Map<string, number[]>();
  #all: number[] = [];

  constructor(limits: RateLimits) {
    this.#limits = limits;
  }

  #recent(times: readonly number[], now: number): number[] {
    return times.filter((t) => now - t < this.#limits.windowMs);
  }

  /** Counts an attempt at `now`, or refuses it (a refused attempt is not counted). */
  hit(key: string | undefined, now: number): RateDecision {
    const { perKey, global, windowMs } = this.#limits;
    const wait = (oldest: number) => Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    this.#all = this.#recent(this.#all, now);
    const mine = key === undefined ? [] : this.#recent(this.#byKey.get(key) ?? [], now);
    if (key !== undefined && mine.length >= perKey)
      return { ok: false, retryAfterSeconds: wait(mine[0] ?? now), scope: 'key' };
    if (this.#all.length >= global)
      return { ok: false, retryAfterSeconds: wait(this.#all[0] ?? now), scope: 'global' };
    this.#all.push(now);
    if (key !== undefined) {
      mine.push(now);
      this.#byKey.set(key, mine);
      if (this.#byKey.size > 10_000) this.#prune(now);
    }
    return { ok: true };
  }

  /** Forgets a key's attempts (after a successful login). */
  reset(key: string | undefined): void {
    if (key !== undefined) this.#byKey.delete(key);
  }

  #prune(now: number): void {
    for (const [key, times] of this.#byKey)
      if (this.#recent(times, now).length === 0) this.#byKey.delete(key);
  }
}
