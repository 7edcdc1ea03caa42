/**
 * Work done a little ahead of pages that are rendered one at a time, in a known order, some of them
 * skipped. Astro renders a route's pages one after the other in the order `getStaticPaths` listed them;
 * while one page waits for its card, the next ones can be drawing on the spare cores. With incremental
 * builds most pages are skipped, so nothing is started before a page asks: each page starts at most
 * `spare` more.
 */
export class DrawAhead<T, R> {
  readonly #items: readonly T[];
  readonly #at: Map<string, number>;
  readonly #id: (item: T) => string;
  readonly #draw: (item: T) => Promise<R>;
  readonly #spare: number;
  /** Started for pages not yet asked for, by id, in the order of the pages. */
  readonly #ahead = new Map<string, { at: number; result: Promise<R> }>();

  /**
   * @param items the pages' items, in the order they are rendered
   * @param spare how many to start ahead of the one asked for (the spare cores)
   */
  constructor(items: readonly T[], id: (item: T) => string, draw: (item: T) => Promise<R>, spare: number) {
    this.#items = items;
    this.#at = new Map(items.map((item, at) => [id(item), at]));
    this.#id = id;
    this.#draw = draw;
    this.#spare = Math.max(0, spare);
  }

  /** An item's result, started ahead or now, and the next `spare` items started. */
  take(item: T): Promise<R> {
    const id = this.#id(item);
    const at = this.#at.get(id);
    if (at === undefined) return this.#draw(item);
    const own = this.#ahead.get(id)?.result ?? this.#draw(item);
    // This page's, and what was started for pages before it: those were skipped. Let them go.
    for (const [other, started] of this.#ahead) if (started.at <= at) this.#ahead.delete(other);
    const last = Math.min(this.#items.length - 1, at + this.#spare);
    for (let next = at + 1; next <= last; next++) {
      const ahead = this.#items[next];
      if (ahead === undefined || this.#ahead.has(this.#id(ahead))) continue;
      const result = this.#draw(ahead);
      // Its own page reports a failure; one started for a page that is then skipped must not crash.
      result.catch(() => undefined);
      this.#ahead.set(this.#id(ahead), { at: next, result });
    }
    return own;
  }

  /** How many results are held for pages not yet asked for. */
  get held(): number {
    return this.#ahead.size;
  }
}
