import { getConfig } from "../config";
import { createRedisStore } from "./redis-store";
import type { SessionStore } from "./store";

/*
 * The app's session store, when it has one (Better Auth `secondaryStorage`). One client per process:
 * kept on globalThis so Next's dev reloads of this module do not open a new connection each time.
 * No next/* imports, so scripts and tests can use it too.
 */
const holder = globalThis as typeof globalThis & { __sessionStore?: SessionStore };

/** The process-wide store from REDIS_URL / REDIS_KEY_PREFIX, or null when REDIS_URL is unset. */
export function getSessionStore(): SessionStore | null {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  holder.__sessionStore ??= createRedisStore({ url, keyPrefix: process.env.REDIS_KEY_PREFIX ?? "", timeoutMs: getConfig().redisTimeoutMs });
  return holder.__sessionStore;
}

/** Closes the process-wide store (shutdown, tests); the next getSessionStore() opens a new one. */
export async function closeSessionStore(): Promise<void> {
  const store = holder.__sessionStore;
  holder.__sessionStore = undefined;
  await store?.close();
}
