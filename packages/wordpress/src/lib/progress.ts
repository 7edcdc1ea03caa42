/**
 * Progress on a terminal: one bar redrawn in place. Elsewhere (a CI log, a pipe): a plain line every
 * 10% of the items, so a log stays short and readable.
 */
export function progressReporter(stream: { isTTY?: boolean; write: (text: string) => unknown }) {
  let lastTenth = -1;
  let lastUnit = 'items';
  return (done: number, total: number, unit = 'items') => {
    // Each stage (the pictures fetched, then the items) counts from nothing.
    if (unit !== lastUnit) {
      lastUnit = unit;
      lastTenth = -1;
    }
    const share = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total} ${unit}${done === total ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${done} of ${total} ${unit}\n`);
    }
  };
}
