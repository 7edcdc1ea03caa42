import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_GLOBAL, prerenderClockSource, vitePluginKhabar } from './virtual-modules.ts';

type Load = (this: { environment: { name: string } }, id: string) => string | undefined;

/** Evaluates a module's source. */
const run = async (code: string) =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: string; pinned: boolean };

describe("the build clock's module where pages are prerendered", () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, CLOCK_GLOBAL);
  });

  it('holds no instant of its own, so a new build time changes no code', async () => {
    const code = prerenderClockSource({ instant: '2026-12-01T10:00:00.000Z', pinned: false });
    expect(code).not.toContain('2026');
    (globalThis as Record<symbol, unknown>)[CLOCK_GLOBAL] = {
      instant: '2026-12-01T10:00:00.000Z',
      pinned: false,
    };
    const clock = await run(code);
    expect([clock.default, clock.pinned]).toEqual(['2026-12-01T10:00:00.000Z', false]);
  });

  it('keeps a pinned clock when the build left none (a prerenderer in another process)', async () => {
    const code = prerenderClockSource({ instant: '2016-12-01T10:00:00.000Z', pinned: true });
    const clock = await run(code);
    expect([clock.default, clock.pinned]).toEqual(['2016-12-01T10:00:00.000Z', true]);
  });

  it('is served in the prerender environment only', () => {
    const plugin = vitePluginKhabar(
      new Map([['virtual:khabar/clock', 'export default "built-in";']]),
      new Map([['virtual:khabar/clock', 'export default "from the global";']]),
    ) as unknown as { load: Load };
    expect(plugin.load.call({ environment: { name: 'ssr' } }, '\0virtual:khabar/clock')).toContain(
      'built-in',
    );
    expect(plugin.load.call({ environment: { name: 'prerender' } }, '\0virtual:khabar/clock')).toContain(
      'from the global',
    );
  });
});
