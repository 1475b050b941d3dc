/**
 * The process's open connections (pg pools, Redis clients), so graceful shutdown (lib/shutdown.ts)
 * can close every one of them after the last request, without knowing who opened what. On
 * globalThis: Next loads lib/ in more than one bundle, and they all must register in one place.
 */
type Closer = () => Promise<unknown>;
const g = globalThis as unknown as { __baAdminClosers?: Set<Closer> };
g.__baAdminClosers ??= new Set();
const closers = g.__baAdminClosers;

/** Registers `close`; the returned function unregisters it (call it when closing by other means). */
export function registerCloser(close: Closer): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/** Closes everything registered, each bounded by `timeoutMs`; returns the failures (never throws). */
export async function closeAll(timeoutMs: number): Promise<unknown[]> {
  const all = [...closers];
  closers.clear();
  const results = await Promise.allSettled(
    all.map((close) => Promise.race([close(), new Promise((_, reject) => setTimeout(() => reject(new Error(`not closed in ${timeoutMs} ms`)), timeoutMs).unref())])),
  );
  return results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
}
