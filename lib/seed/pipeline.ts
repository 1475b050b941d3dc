/**
 * Keeps up to `limit` writes in flight: the next batch is generated (CPU, in this process) while
 * Postgres writes the previous ones. The first failure stops the run after in-flight writes settle.
 */
export async function pipeline<T>(items: Iterable<T>, limit: number, run: (item: T) => Promise<void>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const item of items) {
    if (failure) break;
    const p: Promise<void> = run(item).catch((error: unknown) => {
      failure ??= { error };
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
}
