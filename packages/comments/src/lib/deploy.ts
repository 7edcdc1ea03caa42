/** The site's deploy hook: one POST, so the host rebuilds and approved comments appear. Shared by the CLI and `/moderate`. */

export type DeployResult = { ok: true; status: number; statusText: string } | { ok: false; error: string };

/** POSTs the hook and waits for its answer (at most `timeoutMs`); never rejects. */
export async function callDeployHook(
  url: string,
  doFetch: typeof fetch = fetch,
  timeoutMs = 15_000,
): Promise<DeployResult> {
  try {
    const response = await doFetch(url, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true, status: response.status, statusText: response.statusText };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** The line the CLI prints: `deploy hook: 200 OK`, or why it failed. */
export function describeDeploy(result: DeployResult): string {
  return result.ok
    ? `deploy hook: ${result.status} ${result.statusText}`
    : `deploy hook failed: ${result.error}`;
}
