/**
 * Preloaded into a built server (`node --import`) to run it at another instant: the clock starts at
 * FAKE_NOW (an ISO instant) and runs on from there. `new Date()` and `Date.now()` see it; dates built
 * from a value are untouched. Lets a test see what a page rendered on request shows later, without a
 * rebuild.
 */
const start = Date.parse(process.env.FAKE_NOW ?? '');
if (!Number.isNaN(start)) {
  const RealDate = Date;
  const offset = start - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
