import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export async function redisReachable(url = REDIS_URL): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  r.on("error", () => {});
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Redis is part of CI; on a laptop without it the Redis tests skip with a note. */
export async function requireRedisOrSkip(file: string): Promise<boolean> {
  const up = await redisReachable();
  if (!up && process.env.CI === "true") throw new Error(`Redis is not reachable at ${REDIS_URL}: CI must provide it`);
  if (!up) console.warn(`[${file}] Redis tests skipped: no Redis at ${REDIS_URL}`);
  return up;
}

export { redisStorage } from "../../lib/sessions/secondary-storage";

export const uniquePrefix = (name: string) => `test:ba-admin:${name}:${randomBytes(6).toString("hex")}:`;

export async function deleteKeys(r: Redis, prefix: string) {
  let cursor = "0";
  do {
    const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await r.del(...keys);
  } while (cursor !== "0");
}
