import "server-only";
import { nextCookies } from "better-auth/next-js";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { createRedisClient } from "../sessions/redis-client";
import { redisSecondaryStorage } from "../sessions/secondary-storage";
import { createDashboardAuth, type DashboardAuth } from "./create-auth";
import { memoryThrottle, redisThrottle, type SignInThrottle } from "./throttle";

const g = globalThis as unknown as { __dashboardAuth?: Promise<DashboardAuth> };

/** The running dashboard's Better Auth instance, created with the database on first use. */
export function getAuth(): Promise<DashboardAuth> {
  g.__dashboardAuth ??= getDatabase().then((d) => {
    const config = getConfig();
    if (!config.secret) throw new Error("BETTER_AUTH_SECRET is not set: the dashboard signs its session cookies with it (openssl rand -base64 32).");
    return createDashboardAuth(d, {
      secret: config.secret,
      baseUrl: config.baseUrl,
      basePath: config.basePath,
      staffRoleMap: config.staffRoleMap,
      plugins: [nextCookies()],
      // No session table: staff sessions live in the app's Redis, like every other session.
      ...(!d.caps.sessionTable && config.redisUrl ? { secondaryStorage: redisSecondaryStorage(config.redisUrl, process.env.REDIS_KEY_PREFIX ?? "", config.redisTimeoutMs) } : {}),
    });
  });
  g.__dashboardAuth.catch(() => {
    g.__dashboardAuth = undefined;
  });
  return g.__dashboardAuth;
}

const t = globalThis as unknown as { __signInThrottle?: SignInThrottle };

/**
 * The process-wide sign-in throttle: in Redis when REDIS_URL is set (shared by every instance),
 * else in this process's memory. On globalThis: the route handler's and the server action's bundles
 * must count in the same place.
 */
export function getSignInThrottle(): SignInThrottle {
  if (t.__signInThrottle) return t.__signInThrottle;
  const config = getConfig();
  if (config.redisUrl) {
    // Bounded like every client (REDIS_TIMEOUT_MS) and closed at shutdown. Errors reach the caller
    // through the failed command (sign-in then fails, it is not let through).
    const r = createRedisClient(config.redisUrl, config.redisTimeoutMs);
    t.__signInThrottle = redisThrottle(r, config.signInThrottle);
  } else {
    t.__signInThrottle = memoryThrottle(config.signInThrottle);
  }
  return t.__signInThrottle;
}
