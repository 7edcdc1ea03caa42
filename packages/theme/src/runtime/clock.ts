/**
 * The build's one clock, as routes and components read it (`virtual:khabar/clock`). It is a module of
 * its own, apart from the config, so the time of a build changes no other module's code.
 */
import clock from 'virtual:khabar/clock';

const instant = new Date(clock);

/** The build's clock: what "now" means for every page of this build (see `lib/clock.ts`). */
export function buildTime(): Date {
  return instant;
}
