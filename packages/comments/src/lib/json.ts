/** What went wrong in a JSON file, said the way a site owner can find it: a line and a column. Pure. */

/** Where in `text` a character offset falls, counted as an editor counts: line and column from 1. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** JSON.parse's complaint, with the place it names as a line and column rather than an offset. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (position?.[1])
    return `${lineAndColumn(text, Number(position[1]))}: ${message.replace(position[0], '')}`;
  if (/Unexpected end of JSON input/.test(message))
    return `${lineAndColumn(text, text.length)}: the file ends in the middle of a value (it was cut short)`;
  return message;
}
