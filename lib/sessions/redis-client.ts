import { Redis } from "ioredis";
import { registerCloser } from "../db/closers";
import { isRedisUnavailable, isUnavailable } from "../errors";

/** REDIS_TIMEOUT_MS when nothing else is given. */
export const DEFAULT_REDIS_TIMEOUT_MS = 2_000;

/**
 * Every ioredis client of the dashboard, with bounds: a Redis that accepts the connection and then
 * never answers once held a ban's transaction (and the user's row lock) for 151 s.
 *  - connectTimeout: the TCP connect;
 *  - commandTimeout: every command, counted from when it is issued, so it also bounds commands
 *    queued while (re)connecting or waiting for a ready check that never answers;
 *  - maxRetriesPerRequest 1: a command is not replayed across reconnects for ever.
 */
export function createRedisClient(url: string, timeoutMs = DEFAULT_REDIS_TIMEOUT_MS): Redis {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 1 });
  // Connection errors also reject the pending commands, which is where callers see them.
  redis.on("error", () => {});
  // Closed at shutdown (QUIT: pending replies first) unless its owner has ended it already.
  const unregister = registerCloser(() => (redis.status === "end" ? Promise.resolve() : redis.quit()));
  redis.once("end", unregister);
  return redis;
}

/** Is this ioredis error "Redis is down or not answering" (rather than a script or data error)? */
export function isRedisDown(err: unknown): boolean {
  return isRedisUnavailable(err) || isUnavailable(err);
}
