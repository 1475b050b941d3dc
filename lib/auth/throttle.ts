import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { addressBucket } from "../http/client-ip";

/**
 * The one sign-in throttle, for the form and POST /api/auth/sign-in/email alike. Three counters of
 * failed attempts, each over a fixed window that starts at its first failure:
 *
 *   account+address  (default 5 / 15 min)  a guesser at one account from one place
 *   account          (default 50 / 15 min) the same guesser spread over many addresses
 *   address          (default 20 / 15 min) one place trying many accounts
 *
 * An attempt is counted BEFORE the password is checked (`reserve`), atomically with the check, so
 * parallel requests cannot all slip under the limit, and a refused attempt never reaches the password
 * check (the 429 says nothing about the password). A successful sign-in clears the account's counters
 * and gives back its address reservation; an attempt that was not a guess (invalid input, server
 * error) gives back all three.
 *
 * Lock-out trade-off: failing on purpose locks an account only for the failing address (5), unless
 * the attacker fails 50 times from at least 3 addresses (20 per address) within the window; the
 * account-wide cap is what stops a distributed guesser. It is a 15-minute window, not a permanent
 * lock, and counts only failures.
 */
export interface ThrottleLimits {
  windowMs: number;
  perAccountAndAddress: number;
  perAccount: number;
  perAddress: number;
}

export interface ThrottleSubject {
  /** as typed; lower-cased and trimmed here */
  email: string;
  ip: string | null;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface SignInThrottle {
  reserve(s: ThrottleSubject): Promise<Reservation>;
  succeeded(s: ThrottleSubject): Promise<void>;
  release(s: ThrottleSubject): Promise<void>;
}

/** Counter keys and their limits. Emails are hashed: the store holds no addresses of staff. */
function counters(s: ThrottleSubject, limits: ThrottleLimits) {
  const account = createHash("sha256").update(s.email.trim().toLowerCase()).digest("hex").slice(0, 32);
  const address = addressBucket(s.ip);
  return {
    accountAndAddress: { key: `acct:${account}:${address}`, max: limits.perAccountAndAddress },
    account: { key: `acct:${account}`, max: limits.perAccount },
    address: { key: `addr:${address}`, max: limits.perAddress },
  };
}

/**
 * Per-process counters, for a single dashboard instance without REDIS_URL. Several instances behind
 * a load balancer each count on their own (the limits multiply by the number of instances).
 */
export function memoryThrottle(limits: ThrottleLimits, now = () => Date.now()): SignInThrottle {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const e = entries.get(key);
    if (e && e.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  const prune = () => {
    if (entries.size < 10_000) return;
    for (const key of [...entries.keys()]) live(key);
  };
  const decrement = (key: string) => {
    const e = live(key);
    if (e && e.count > 0) e.count--;
  };
  return {
    async reserve(s) {
      prune();
      const cs = Object.values(counters(s, limits));
      let retryAfterMs = 0;
      for (const c of cs) {
        const e = live(c.key);
        if (e && e.count >= c.max) retryAfterMs = Math.max(retryAfterMs, e.expiresAt - now());
      }
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      for (const c of cs) {
        const e = live(c.key);
        if (e) e.count++;
        else entries.set(c.key, { count: 1, expiresAt: now() + limits.windowMs });
      }
      return { allowed: true };
    },
    async succeeded(s) {
      const c = counters(s, limits);
      entries.delete(c.accountAndAddress.key);
      entries.delete(c.account.key);
      decrement(c.address.key);
    },
    async release(s) {
      for (const c of Object.values(counters(s, limits))) decrement(c.key);
    },
  };
}

// KEYS: the counters; ARGV[1]: window (ms); ARGV[i+1]: the limit of KEYS[i].
// Returns 0 when the attempt is counted, else the milliseconds until the longest blocking window ends.
const RESERVE = `
local blocked = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, ARGV[1])
      ttl = tonumber(ARGV[1])
    end
    if ttl > blocked then blocked = ttl end
  end
end
if blocked > 0 then return blocked end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0`;

// Gives back one count per key, never below zero and never creating a key (an expired one stays gone).
const RELEASE = `
for _, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count > 0 then redis.call('DECR', key) end
end
return 0`;

/**
 * Counters in Redis, shared by every dashboard instance. Keys live under the dashboard's own prefix
 * (default `ba-admin:throttle:`), apart from the app's session keys. The check and the increments are
 * one Lua script, so they are atomic; all keys of an attempt are touched in one script, which needs a
 * single Redis (not a cluster with the keys in different slots).
 */
export function redisThrottle(r: Redis, limits: ThrottleLimits, prefix = "ba-admin:throttle:"): SignInThrottle {
  const keysOf = (s: ThrottleSubject) => {
    const c = counters(s, limits);
    return { c, all: [c.accountAndAddress, c.account, c.address] };
  };
  return {
    async reserve(s) {
      const { all } = keysOf(s);
      const blocked = Number(await r.eval(RESERVE, all.length, ...all.map((c) => prefix + c.key), limits.windowMs, ...all.map((c) => c.max)));
      return blocked > 0 ? { allowed: false, retryAfterMs: blocked } : { allowed: true };
    },
    async succeeded(s) {
      const { c } = keysOf(s);
      await r.del(prefix + c.accountAndAddress.key, prefix + c.account.key);
      await r.eval(RELEASE, 1, prefix + c.address.key);
    },
    async release(s) {
      const { all } = keysOf(s);
      await r.eval(RELEASE, all.length, ...all.map((c) => prefix + c.key));
    },
  };
}
