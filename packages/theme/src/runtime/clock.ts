/**
 * The one clock, as routes and components read it (`virtual:khabar/clock`, a module of its own so the time
 * of a build changes no other module's code). A page built ahead reads the build's instant; a page
 * rendered on request reads the instant of its request (set by `runtime/middleware.ts`), unless the site
 * pinned the clock with `now`, which then holds for both.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import clock, { pinned } from 'virtual:khabar/clock';

const instant = new Date(clock);
const request = new AsyncLocalStorage<Date>();

/** The build's clock: what "now" means for every page built ahead (see `lib/clock.ts`). */
export function buildTime(): Date {
  return instant;
}

/** What "now" means for the page being rendered: its request's instant on demand, else the build's. */
export function now(): Date {
  return request.getStore() ?? instant;
}

/** Runs a request's rendering with its instant as "now" (the pinned clock when the site set `now`). */
export function atRequestTime<T>(render: () => T, at: Date = new Date()): T {
  return request.run(pinned ? instant : at, render);
}
