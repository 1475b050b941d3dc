import type { BetterAuthOptions } from "better-auth";
import { Redis } from "ioredis";

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

export function redisSecondaryStorage(url: string, prefix = ""): SecondaryStorage {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  r.on("error", () => {});
  return redisStorage(r, prefix);
}
