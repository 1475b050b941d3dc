import type { Config } from "@/lib/config";

/**
 * What every revoke or ban confirmation must tell staff about the app's session setup, computed on
 * the server from the config and passed to client components as plain data.
 */
export interface RevokeNotes {
  /** the app's cookie cache in whole minutes (rounded up); 0 = no cookie cache */
  cacheMinutes: number;
  /** sessions also live in the app's Redis (secondaryStorage): they are removed there too */
  redis: boolean;
}

export function revokeNotes(config: Pick<Config, "cookieCacheMaxAge" | "redisUrl">): RevokeNotes {
  return {
    // Rounded up: "up to 1 minute" for 30 s is the honest upper bound.
    cacheMinutes: config.cookieCacheMaxAge > 0 ? Math.ceil(config.cookieCacheMaxAge / 60) : 0,
    redis: Boolean(config.redisUrl),
  };
}

/** The exact sentence staff must read before a revoke or a ban when the app caches sessions. */
export function cookieCacheSentence(minutes: number): string {
  return `The app caches sessions in a signed cookie for up to ${minutes} ${minutes === 1 ? "minute" : "minutes"}: the user may stay signed in that long.`;
}
