import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.ts';

const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('progress', () => {
  it('redraws one bar on a terminal', () => {
    const { stream, written } = sink(true);
    const report = progressReporter(stream);
    report(50, 200);
    report(200, 200);
    expect(written[0]).toBe('\r[########......................] 25% 50/200 items');
    expect(written[1]).toBe('\r[##############################] 100% 200/200 items\n');
  });

  it('prints a plain line every tenth elsewhere', () => {
    const { stream, written } = sink(false);
    const report = progressReporter(stream);
    for (let done = 100; done <= 1000; done += 100) report(done, 1000);
    report(1000, 1000);
    expect(written).toHaveLength(10);
    expect(written[0]).toBe('100 of 1000 items\n');
  });

  it('counts each stage on its own, named by its unit', () => {
    const { stream, written } = sink(false);
    const report = progressReporter(stream);
    report(3, 3, 'pictures');
    report(100, 1000);
    expect(written).toEqual(['3 of 3 pictures\n', '100 of 1000 items\n']);
  });
});
