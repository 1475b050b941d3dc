/*
 * What Better Auth 1.7.25 keeps in `secondaryStorage` for sessions (read from
 * better-auth/dist/db/internal-adapter.mjs; `p` is whatever prefix the app's storage adds):
 *
 *  p<token>                           JSON {"session": {...the session row, dates as ISO strings,
 *                                     "createdAt" always present}, "user": {...the user row at sign-in,
 *                                     refreshed by updateUser}}. TTL = floor((session.expiresAt - now) / 1s),
 *                                     not written at all when <= 0. Rewritten (new TTL) on session refresh.
 *  p"active-sessions-"<userId>        JSON [{"token": string, "expiresAt": epoch ms number}], sorted by
 *                                     expiresAt, expired entries dropped on every rewrite; TTL = until the
 *                                     latest expiresAt; the key is DELETED when the list becomes empty.
 *                                     Rewritten by get → filter → set (not atomic) on sign-in, refresh,
 *                                     deleteSession. It can hold references whose token key is gone.
 *  p"revoked-sessions-before-"<userId> String(epoch ms), never lowered (max(new, previous));
 *                                     TTL = max(session.expiresIn (default 7 d), 1 d, admin
 *                                     impersonationSessionDuration). A session is treated as revoked when
 *                                     `session.createdAt < value` (strict). Checked in findSession (getSession),
 *                                     findSessions and listSessions, but ONLY on a session read from the store:
 *                                     the database fallback below never looks at it.
 *
 * Reads: findSession(token) reads p<token> first. If it is missing, the result is null unless
 * `storeSessionInDatabase: true` without `preserveSessionInDatabase`; in that case Better Auth falls back
 * to the session ROW (and listSessions lists rows, not the store). So for such apps both the row and
 * the store must go; for store-only apps (and for preserveSessionInDatabase) the store alone decides.
 * getSession's `user` comes from the cached JSON too: Better Auth's updateUser rewrites it in every listed
 * token key (refreshUserSessions); a plain SQL update of the user row is not seen until the session ends.
 *
 * Writes that end sessions:
 *  - deleteSession(token) (revokeSession, signOut, admin revokeUserSession, revokeOtherSessions per token):
 *    reads p<token> for the userId, rewrites the active list without that token, DELs p<token>; then the row:
 *    deleted, or expiresAt = now with preserveSessionInDatabase, untouched without storeSessionInDatabase.
 *    No revoked-sessions-before.
 *  - deleteUserSessions(userId) (revokeSessions, admin revokeUserSessions/banUser/removeUser, updateUser with
 *    a ban, revokeSessionsOnPasswordReset, changePassword's revokeOtherSessions): deletes/ends the rows
 *    (only with storeSessionInDatabase), then after the transaction commits: sets revoked-sessions-before =
 *    max(now, previous), DELs the token of every list entry, rewrites the list without them (normally deleted).
 *  - deleteUser(userId): rows only with storeSessionInDatabase; once the user row is gone, the same store
 *    clean-up as deleteUserSessions.
 *  - deleteSessions(tokens) (multi-session plugin): DELs token keys only, lists are not pruned.
 * Same store also holds rate-limit counters (increment) and `verification:<id>` values: not ours to touch.
 *
 * This module does what those do, but batched: one pipeline per `batchSize` users (EVALSHA + DEL), and the
 * list edits are Lua scripts, so a sign-in that lands while we prune is never dropped from the list (Better
 * Auth's own get/set may still re-add a revoked reference; its token key is gone, so that is harmless).
 * revokeUsers is two round trips (script, then DELs): in between, sessions created before `at` are already
 * refused by the marker; one created after `at` but already listed lives until the DEL, a moment later.
 * Multi-key DEL/MGET are avoided so a future cluster client only needs per-key routing.
 */
import type { ChainableCommander, Result } from "ioredis";
import * as z from "zod";
import { createRedisClient, isRedisDown } from "./redis-client";
import { type SessionStore, StoreUnavailableError, type StoredSession } from "./store";
import { sessionFieldNames, sessionFieldsOf } from "../modules";

declare module "ioredis" {
  interface RedisCommander<Context> {
    baPruneSessions(listKey: string, nowMs: string, ...tokens: string[]): Result<number, Context>;
    baRevokeUser(listKey: string, markerKey: string, atMs: string, nowMs: string, minTtlMs: string): Result<string[], Context>;
    baPatchUser(listKey: string, prefix: string, patchJson: string): Result<number, Context>;
    baClearSessionFields(listKey: string, prefix: string, whereJson: string, fieldsJson: string): Result<number, Context>;
  }
}

// Drops the given tokens and expired entries; same TTL rule as Better Auth's setActiveSessionReferences.
// A value we cannot parse is left alone: it is the app's, not ours.
const PRUNE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, list = pcall(cjson.decode, raw)
if not ok or type(list) ~= 'table' then return 0 end
local now, drop, keep, maxExp = tonumber(ARGV[1]), {}, {}, 0
for i = 2, #ARGV do drop[ARGV[i]] = true end
for _, s in ipairs(list) do
  local exp = type(s) == 'table' and tonumber(s.expiresAt)
  if exp and exp > now and not drop[s.token] then
    keep[#keep + 1] = s
    if exp > maxExp then maxExp = exp end
  end
end
if #keep == #list then return 0 end
if #keep == 0 then redis.call('DEL', KEYS[1]) return #list end
table.sort(keep, function(a, b) return tonumber(a.expiresAt) < tonumber(b.expiresAt) end)
redis.call('SET', KEYS[1], cjson.encode(keep), 'PX', maxExp - now)
return #list - #keep`;

// Raises revoked-sessions-before (never lowers it), takes the whole list atomically and returns its tokens
// for the caller to DEL. The marker lives at least as long as the longest listed session, so an orphaned
// token key (if the DEL never happens) cannot come back to life after the marker expires.
const REVOKE = `
local at, now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local prev = redis.call('GET', KEYS[2])
local pttl = redis.call('PTTL', KEYS[2])
if pttl > ttl then ttl = pttl end
local tokens = {}
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, list = pcall(cjson.decode, raw)
  if ok and type(list) == 'table' then
    for _, s in ipairs(list) do
      if type(s) == 'table' and type(s.token) == 'string' then
        tokens[#tokens + 1] = s.token
        local exp = tonumber(s.expiresAt)
        if exp and exp - now > ttl then ttl = exp - now end
      end
    end
    redis.call('DEL', KEYS[1])
  end
end
local value = ARGV[1]
if prev and (tonumber(prev) or 0) > at then value = prev end
redis.call('SET', KEYS[2], value, 'PX', ttl)
return tokens`;

// Rewrites the cached `user` of every listed session, keeping each key's TTL. The session keys are
// derived from the list, so this assumes a single Redis node (not Cluster), like Better Auth's own keys.
const PATCH_USER = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, list = pcall(cjson.decode, raw)
if not ok or type(list) ~= 'table' then return 0 end
local patch, n = cjson.decode(ARGV[2]), 0
for _, s in ipairs(list) do
  if type(s) == 'table' and type(s.token) == 'string' then
    local key = ARGV[1] .. s.token
    local value = redis.call('GET', key)
    if value then
      local ok2, obj = pcall(cjson.decode, value)
      if ok2 and type(obj) == 'table' and type(obj.user) == 'table' then
        for k, v in pairs(patch) do obj.user[k] = v end
        redis.call('SET', key, cjson.encode(obj), 'KEEPTTL')
        n = n + 1
      end
    end
  end
end
return n`;

// Sets to null the given fields a stored session has, in each of the user's sessions whose fields
// equal `where` (string values); the TTL stays. A field the session lacks is not added.
const CLEAR_SESSION_FIELDS = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, list = pcall(cjson.decode, raw)
if not ok or type(list) ~= 'table' then return 0 end
local where, fields, n = cjson.decode(ARGV[2]), cjson.decode(ARGV[3]), 0
for _, s in ipairs(list) do
  if type(s) == 'table' and type(s.token) == 'string' then
    local key = ARGV[1] .. s.token
    local value = redis.call('GET', key)
    if value then
      local ok2, obj = pcall(cjson.decode, value)
      if ok2 and type(obj) == 'table' and type(obj.session) == 'table' then
        local match = true
        for k, v in pairs(where) do if obj.session[k] ~= v then match = false end end
        if match then
          for _, f in ipairs(fields) do if obj.session[f] ~= nil then obj.session[f] = cjson.null end end
          redis.call('SET', key, cjson.encode(obj), 'KEEPTTL')
          n = n + 1
        end
      end
    end
  end
end
return n`;

const date = z.union([z.string(), z.number()]).transform((v) => new Date(v)).pipe(z.date());
const str = z.string().nullish().transform((v) => (v ? v : null)); // Better Auth writes "" for "unknown"
const storedValue = z.object({
  session: z.object({
    id: z.string().nullish(), userId: z.string(), expiresAt: date,
    createdAt: date.nullish(), updatedAt: date.nullish(), ipAddress: str, userAgent: str,
    // the modules' session fields (lib/modules sessionRow.fields), text like the rest
    ...Object.fromEntries(sessionFieldNames.map((f) => [f, str])),
  }),
});
const listValue = z.array(z.object({ token: z.string(), expiresAt: z.number() }));

const json = (raw: unknown) => {
  try {
    return typeof raw === "string" ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

export interface RedisStoreOptions {
  url: string;
  /** what the app's secondaryStorage puts in front of every key */
  keyPrefix?: string;
  /** users per pipeline */
  batchSize?: number;
  /** least lifetime of revoked-sessions-before; Better Auth uses max(session.expiresIn, 1 day) */
  revokedBeforeTtlSeconds?: number;
  /** bound on connecting and on every command (REDIS_TIMEOUT_MS) */
  timeoutMs?: number;
}

export interface RedisSessionStore extends SessionStore {
  ping(): Promise<void>;
  /** round trips and commands sent, so tests can bound them without timing */
  readonly stats: { roundTrips: number; commands: number };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createRedisStore(opts: RedisStoreOptions): RedisSessionStore {
  const prefix = opts.keyPrefix ?? "";
  const batchSize = opts.batchSize ?? 1000;
  const minTtlMs = String((opts.revokedBeforeTtlSeconds ?? 7 * 24 * 3600) * 1000);
  // Fail a request fast rather than queue it for ever while Redis is down: a revoke must report failure.
  const redis = createRedisClient(opts.url, opts.timeoutMs);
  redis.defineCommand("baPruneSessions", { numberOfKeys: 1, lua: PRUNE });
  redis.defineCommand("baRevokeUser", { numberOfKeys: 2, lua: REVOKE });
  redis.defineCommand("baPatchUser", { numberOfKeys: 1, lua: PATCH_USER });
  redis.defineCommand("baClearSessionFields", { numberOfKeys: 1, lua: CLEAR_SESSION_FIELDS });

  const listKey = (userId: string) => `${prefix}active-sessions-${userId}`;
  const markerKey = (userId: string) => `${prefix}revoked-sessions-before-${userId}`;
  const stats = { roundTrips: 0, commands: 0 };

  /**
   * Sends a pipeline (one round trip) and throws its first error. A Redis that is down or did not
   * answer in time becomes StoreUnavailableError (a 503); `partial` says an earlier round trip of
   * the same call (`done`) had already been applied.
   */
  async function run(p: ChainableCommander, done = 0): Promise<unknown[]> {
    if (p.length === 0) return [];
    stats.roundTrips++;
    stats.commands += p.length;
    try {
      const results = (await p.exec()) ?? [];
      return results.map(([err, value]) => {
        if (err) throw err;
        return value;
      });
    } catch (err) {
      if (isRedisDown(err)) throw new StoreUnavailableError(done > 0, err);
      throw err;
    }
  }

  /** `done`: round trips this call already made (they changed the store). */
  async function deleteTokens(tokens: readonly string[], done: number): Promise<number> {
    let removed = 0;
    for (const part of chunks(tokens, batchSize * 4)) {
      const p = redis.pipeline();
      for (const t of part) p.del(prefix + t);
      for (const n of await run(p, done++)) removed += Number(n);
    }
    return removed;
  }

  return {
    stats,

    async ping() {
      stats.roundTrips++;
      stats.commands++;
      try {
        await redis.ping();
      } catch (err) {
        if (isRedisDown(err)) throw new StoreUnavailableError(false, err);
        throw err;
      }
    },

    async removeSessions(sessions) {
      const byUser = new Map<string, Set<string>>();
      for (const s of sessions) byUser.set(s.userId, (byUser.get(s.userId) ?? new Set()).add(s.token));
      let removed = 0;
      let done = 0;
      for (const users of chunks([...byUser], batchSize)) {
        const p = redis.pipeline();
        const now = String(Date.now());
        for (const [userId, tokens] of users) {
          p.baPruneSessions(listKey(userId), now, ...tokens);
          for (const t of tokens) p.del(prefix + t);
        }
        const results = await run(p, done++);
        // DEL results (1 or 0) follow each user's prune result; count only what really went.
        let i = 0;
        for (const [, tokens] of users) {
          i++;
          for (let k = 0; k < tokens.size; k++) removed += Number(results[i++]);
        }
      }
      return { removed };
    },

    async revokeUsers(userIds, at) {
      let removed = 0;
      let done = 0;
      for (const users of chunks([...new Set(userIds)], batchSize)) {
        const p = redis.pipeline();
        const now = String(Date.now());
        for (const u of users) p.baRevokeUser(listKey(u), markerKey(u), String(at.getTime()), now, minTtlMs);
        const tokens = (await run(p, done++)).flatMap((t) => (Array.isArray(t) ? (t as string[]) : []));
        const unique = [...new Set(tokens)];
        removed += await deleteTokens(unique, done);
        done += Math.ceil(unique.length / (batchSize * 4));
      }
      return { removed };
    },

    async updateCachedUser(userIds, patch) {
      let updated = 0;
      let done = 0;
      const body = JSON.stringify(patch);
      for (const users of chunks([...new Set(userIds)], batchSize)) {
        const p = redis.pipeline();
        for (const u of users) p.baPatchUser(listKey(u), prefix, body);
        for (const n of await run(p, done++)) updated += Number(n);
      }
      return { updated };
    },

    async clearSessionFields(userIds, where, fields) {
      let updated = 0;
      let done = 0;
      const w = JSON.stringify(where);
      const f = JSON.stringify(fields);
      for (const users of chunks([...new Set(userIds)], batchSize)) {
        const p = redis.pipeline();
        for (const u of users) p.baClearSessionFields(listKey(u), prefix, w, f);
        for (const n of await run(p, done++)) updated += Number(n);
      }
      return { updated };
    },

    async listUserSessions(userId) {
      const [rawList, rawMarker] = await run(redis.pipeline().get(listKey(userId)).get(markerKey(userId)));
      const list = listValue.safeParse(json(rawList));
      if (!list.success) return [];
      const now = Date.now();
      const revokedBefore = Number(rawMarker ?? 0) || 0;
      const tokens = [...new Set(list.data.filter((e) => e.expiresAt > now).map((e) => e.token))];
      const p = redis.pipeline();
      for (const t of tokens) p.get(prefix + t);
      const values = await run(p);
      const out: StoredSession[] = [];
      tokens.forEach((token, i) => {
        const parsed = storedValue.safeParse(json(values[i]));
        if (!parsed.success) return; // gone (dangling reference) or not a session
        const s = parsed.data.session;
        // the same tests Better Auth applies before it accepts a stored session
        if (s.userId !== userId || s.expiresAt.getTime() <= now) return;
        if (s.createdAt && s.createdAt.getTime() < revokedBefore) return;
        out.push({ token, ...s, ...sessionFieldsOf(s), id: s.id ?? null, createdAt: s.createdAt ?? null, updatedAt: s.updatedAt ?? null });
      });
      // newest activity first, like the database listing
      const t = (s: StoredSession) => (s.updatedAt ?? s.createdAt ?? s.expiresAt).getTime();
      return out.sort((a, b) => t(b) - t(a));
    },

    async scanUserIds(onBatch) {
      const head = `${prefix}active-sessions-`;
      const match = `${head.replace(/[*?[\]\\]/g, "\\$&")}*`;
      const seen = new Set<string>(); // SCAN may return a key twice; callers get each id once
      const pending: string[] = [];
      let cursor = "0";
      do {
        stats.roundTrips++;
        stats.commands++;
        const [next, keys] = await redis.scan(cursor, "MATCH", match, "COUNT", batchSize).catch((err: unknown) => {
          // batches already handed to onBatch were acted on: a partial run
          throw isRedisDown(err) ? new StoreUnavailableError(seen.size > pending.length, err) : err;
        });
        cursor = next;
        for (const k of keys) {
          const id = k.slice(head.length);
          if (seen.has(id)) continue;
          seen.add(id);
          pending.push(id);
        }
        while (pending.length >= batchSize) await onBatch(pending.splice(0, batchSize));
      } while (cursor !== "0");
      if (pending.length > 0) await onBatch(pending);
    },

    async close() {
      if (redis.status === "wait" || redis.status === "end") return redis.disconnect();
      await redis.quit();
    },
  };
}
