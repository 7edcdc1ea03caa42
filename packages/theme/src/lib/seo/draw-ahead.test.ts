import { describe, expect, it } from 'vitest';
import { DrawAhead } from './draw-ahead.ts';

/** Pages 0…9, drawn as `drawn n`, with a log of what was drawn in which order. */
function pages(spare: number) {
  const drawn: number[] = [];
  const items = Array.from({ length: 10 }, (_, n) => ({ n }));
  const ahead = new DrawAhead(
    items,
    (item) => String(item.n),
    (item) => {
      drawn.push(item.n);
      return Promise.resolve(`drawn ${item.n}`);
    },
    spare,
  );
  return { drawn, items, ahead };
}

describe('DrawAhead', () => {
  it('draws each page once, the next ones ahead of their turn', async () => {
    const { drawn, items, ahead } = pages(2);
    const results = [];
    for (const item of items) results.push(await ahead.take(item));
    expect(results).toEqual(items.map((item) => `drawn ${item.n}`));
    expect(drawn).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ahead.held).toBe(0);
  });

  it('starts nothing before a page asks, and at most `spare` ahead of each page asked for', async () => {
    const { drawn, ahead } = pages(1);
    expect(drawn).toEqual([]);
    // An incremental build that renders pages 3 and 7 only.
    await ahead.take({ n: 3 });
    expect(drawn).toEqual([3, 4]);
    await ahead.take({ n: 7 });
    expect(drawn).toEqual([3, 4, 7, 8]);
    // What was drawn for the skipped page 4 is let go; page 8's is held until its turn or a later page.
    expect(ahead.held).toBe(1);
  });

  it('draws an item it was not given the order of, and nothing ahead of it', async () => {
    const { drawn, ahead } = pages(3);
    expect(await ahead.take({ n: 42 })).toBe('drawn 42');
    expect(drawn).toEqual([42]);
  });

  it('keeps a failure to the page it belongs to', async () => {
    const items = [{ n: 0 }, { n: 1 }];
    const ahead = new DrawAhead(
      items,
      (item) => String(item.n),
      (item) => (item.n === 1 ? Promise.reject(new Error('no fonts')) : Promise.resolve('ok')),
      1,
    );
    expect(await ahead.take({ n: 0 })).toBe('ok');
    await expect(ahead.take({ n: 1 })).rejects.toThrow('no fonts');
  });
});
