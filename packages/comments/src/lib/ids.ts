/** A new comment id: base-36 milliseconds (so ids sort by time) and eight random hex digits. */
export function newCommentId(now: number): string {
  const random = new Uint8Array(4);
  crypto.getRandomValues(random);
  let hex = '';
  for (const byte of random) hex += byte.toString(16).padStart(2, '0');
  return `${Math.floor(now).toString(36).padStart(8, '0')}-${hex}`;
}
