/** Reading the request body, capped: a reader cannot make the receiver hold more than `limits.bodyBytes`. */
import type { Checked } from './checks.ts';
import { SYNTAX, TOO_LARGE } from './checks.ts';

/** Reads at most `cap` bytes of the body; refuses with 413 beyond, and 400 when the stream fails. */
export async function readCapped(request: Request, cap: number): Promise<Checked<Uint8Array>> {
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, rejection: TOO_LARGE };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, rejection: SYNTAX };
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, value: out };
}
