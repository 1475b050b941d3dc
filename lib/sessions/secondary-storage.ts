import type { BetterAuthOptions } from "better-auth";
import type { Redis } from "ioredis";
import { createRedisClient } from "./redis-client";

type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

/**
 * Better Auth `secondaryStorage` over Redis, as an app writes it (every key behind the app's prefix).
 * The dashboard uses it for its own staff sessions when the app keeps sessions only in Redis (there
 * is no session table to write them to); the tests use it to build apps configured that way.
 */
export function redisStorage(r: Redis, prefix = ""): SecondaryStorage {
  return {
    get: (k) => r.get(prefix + k),
    getAndDelete: (k) => r.getdel(prefix + k),
    async increment(k, ttl) {
      const n = await r.incr(prefix + k);
      if (n === 1) await r.expire(prefix + k, ttl);
      return n;
    },
    async set(k, v, ttl) {
      if (ttl) await r.set(prefix + k, v, "EX", ttl);
      else await r.set(prefix + k, v);
    },
    async delete(k) {
      await r.del(prefix + k);
    },
  };
}

/** The dashboard's own client for it: bounded like every other (a stalled Redis fails a sign-in in `timeoutMs`). */
export function redisSecondaryStorage(url: string, prefix = "", timeoutMs?: number): SecondaryStorage {
  return redisStorage(createRedisClient(url, timeoutMs), prefix);
}
