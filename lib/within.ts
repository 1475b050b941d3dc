/** What `within` rejects with when the bound passes first. */
export class TimedOut extends Error {}

/**
 * `p`, or a TimedOut rejection once `ms` pass without it settling. The timer is cleared either way,
 * so a bound never keeps the process alive; `p` itself goes on (nothing here can cancel it).
 */
export function within<T>(p: Promise<T>, ms: number, message = `not finished in ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(message)), ms);
  });
  return Promise.race([p, bound]).finally(() => clearTimeout(timer));
}
