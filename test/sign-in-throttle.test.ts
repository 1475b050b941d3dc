import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestInfo } from "../lib/actions/deps";
import { createDashboardAuth, type DashboardAuth } from "../lib/auth/create-auth";
import { guardedSignIn, type SignInOutcome } from "../lib/auth/sign-in";
import { memoryThrottle, redisThrottle, type SignInThrottle, type ThrottleLimits } from "../lib/auth/throttle";
import { parseConfig, parseStaffRoleMap } from "../lib/config";
import { addressBucket, CLIENT_IP_HEADER, normalizeIp, PEER_HEADER, resolveClientIp, withClientIp } from "../lib/http/client-ip";
import { createTestDb, type TestDb } from "./helpers/db";
import { deleteKeys, REDIS_URL, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { createPasswordUser, PASSWORD } from "./helpers/staff";

/** timing samples per kind (each a full scrypt hash: seconds each on a loaded machine) */
const TRIES = Number(process.env.SIGN_IN_TIMING_TRIES ?? 15);

const limits: ThrottleLimits = { windowMs: 15 * 60_000, perAccountAndAddress: 5, perAccount: 50, perAddress: 20 };

describe("client address", () => {
  const h = (o: Record<string, string>) => new Headers(o);

  it("ignores X-Forwarded-For and X-Real-IP without trusted proxies: the socket's peer is the client", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [PEER_HEADER]: "::ffff:192.0.2.10" });
    expect(resolveClientIp(headers, { trustedProxyHops: 0, peerTrusted: true })).toBe("192.0.2.10");
    // a PEER_HEADER not written by the dashboard's own hook is the client's word: not used
    expect(resolveClientIp(headers, { trustedProxyHops: 0, peerTrusted: false })).toBeNull();
  });

  it("takes the Nth address from the right with N trusted proxies", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2", [PEER_HEADER]: "10.0.0.3" });
    expect(resolveClientIp(headers, { trustedProxyHops: 1, peerTrusted: true })).toBe("10.0.0.2");
    expect(resolveClientIp(headers, { trustedProxyHops: 2, peerTrusted: true })).toBe("198.51.100.7");
    // a chain shorter than the proxies: the request did not come through them
    expect(resolveClientIp(headers, { trustedProxyHops: 4, peerTrusted: true })).toBe("10.0.0.3");
    expect(resolveClientIp(h({ "x-forwarded-for": "not-an-ip" }), { trustedProxyHops: 1, peerTrusted: true })).toBeNull();
  });

  it("normalises addresses and buckets IPv6 by /64", () => {
    expect(normalizeIp("203.0.113.9:4711")).toBe("203.0.113.9");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("1.2.3")).toBeNull();
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:db8:1:2:bbbb::9"));
    expect(addressBucket("2001:db8:1:2::1")).not.toBe(addressBucket("2001:db8:1:3::1"));
    expect(addressBucket(null)).toBe("unknown");
  });

  it("gives the audit record the resolved address, not a header the client wrote", () => {
    expect(requestInfo(h({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "user-agent": "ua" }), 0)).toEqual({ ip: null, userAgent: "ua" });
    expect(requestInfo(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }), 1).ip).toBe("198.51.100.7");
  });

  it("hands Better Auth only the resolved address", () => {
    const out = withClientIp(h({ [CLIENT_IP_HEADER]: "6.6.6.6" }), null);
    expect(out.get(CLIENT_IP_HEADER)).toBeNull();
    expect(withClientIp(h({ [CLIENT_IP_HEADER]: "6.6.6.6" }), "192.0.2.1").get(CLIENT_IP_HEADER)).toBe("192.0.2.1");
  });

  it("reads TRUSTED_PROXY_HOPS and the sign-in limits from the environment", () => {
    const c = parseConfig({ TRUSTED_PROXY_HOPS: "2", SIGN_IN_MAX_FAILURES: "3" });
    expect(c.trustedProxyHops).toBe(2);
    expect(c.signInThrottle).toEqual({ windowMs: 900_000, perAccountAndAddress: 3, perAccount: 50, perAddress: 20 });
    expect(parseConfig({}).trustedProxyHops).toBe(0);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("staff sign-in through the throttle (real Better Auth, real Postgres)", () => {
  let t: TestDb;
  let auth: DashboardAuth;
  beforeAll(async () => {
    t = await createTestDb("default");
    auth = createDashboardAuth(t.d, { secret: "test-secret-test-secret-test-secret-42", baseUrl: "http://localhost:3000", staffRoleMap: parseStaffRoleMap(undefined) });
    for (const [id, role] of [["adm1", "admin"], ["adm2", "admin"], ["adm3", "admin"], ["adm4", "admin"], ["sup1", "support"]] as const) {
      await createPasswordUser(t.d, { id, email: `${id}@corp.test`, role });
    }
    await createPasswordUser(t.d, { id: "plain1", email: "plain1@corp.test", role: "user" });
  });
  afterAll(async () => t?.cleanup());

  /** The sign-in both paths make: the client address resolved from headers, then the guard. */
  const attempt = async (throttle: SignInThrottle, email: string, password: string, headers: Record<string, string> = {}, hops = 0, lines: string[] = []) => {
    const h = new Headers({ "user-agent": "vitest", ...headers });
    const ip = resolveClientIp(h, { trustedProxyHops: hops, peerTrusted: true });
    return guardedSignIn(throttle, { email, ip, userAgent: "vitest" }, () => auth.api.signInEmail({ body: { email, password }, headers: withClientIp(h, ip), asResponse: true }), (l) => lines.push(l));
  };
  const statusOf = (o: SignInOutcome) => (o.kind === "throttled" ? 429 : o.response.status);

  it("throttles 150 wrong guesses before the right password is ever checked", async () => {
    const throttle = memoryThrottle(limits);
    const lines: string[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) statuses.push(statusOf(await attempt(throttle, "adm1@corp.test", `guess-${i}`, { [PEER_HEADER]: "192.0.2.1" }, 0, lines)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const right = await attempt(throttle, "ADM1@corp.test", PASSWORD, { [PEER_HEADER]: "192.0.2.1" });
    expect(right.kind).toBe("throttled");
    if (right.kind === "throttled") expect(right.retryAfterSeconds).toBeGreaterThan(800);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.filter((l) => l.action === "staff.signIn.failed")).toHaveLength(5);
    expect(logged.filter((l) => l.action === "staff.signIn.throttled")).toHaveLength(145);
    expect(logged[0]).toMatchObject({ type: "audit", email: "adm1@corp.test", ip: "192.0.2.1", userAgent: "vitest", reason: "bad credentials" });
    expect(lines.join("\n")).not.toContain("guess-");
  });

  it("does not let a rotated X-Forwarded-For open new buckets (TRUSTED_PROXY_HOPS=0)", async () => {
    const throttle = memoryThrottle(limits);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(statusOf(await attempt(throttle, "adm2@corp.test", `guess-${i}`, { "x-forwarded-for": `203.0.113.${i}`, [PEER_HEADER]: "192.0.2.2" })));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it("with one trusted proxy, counts the proxy's hop: another client's right password still works", async () => {
    const throttle = memoryThrottle(limits);
    for (let i = 0; i < 6; i++) await attempt(throttle, "adm3@corp.test", `guess-${i}`, { "x-forwarded-for": `6.6.6.${i}, 203.0.113.50`, [PEER_HEADER]: "10.0.0.1" }, 1);
    expect(statusOf(await attempt(throttle, "adm3@corp.test", PASSWORD, { "x-forwarded-for": "6.6.6.99, 203.0.113.50" }, 1))).toBe(429);
    // the attacker cannot lock the admin out from another address with 5 failures
    expect(statusOf(await attempt(throttle, "adm3@corp.test", PASSWORD, { "x-forwarded-for": "198.51.100.20" }, 1))).toBe(200);
  });

  it("clears the account's failures after a successful sign-in", async () => {
    const throttle = memoryThrottle(limits);
    const peer = { [PEER_HEADER]: "192.0.2.4" };
    for (let i = 0; i < 4; i++) expect(statusOf(await attempt(throttle, "adm4@corp.test", `guess-${i}`, peer))).toBe(401);
    expect(statusOf(await attempt(throttle, "adm4@corp.test", PASSWORD, peer))).toBe(200);
    for (let i = 0; i < 5; i++) expect(statusOf(await attempt(throttle, "adm4@corp.test", `again-${i}`, peer))).toBe(401);
    expect(statusOf(await attempt(throttle, "adm4@corp.test", PASSWORD, peer))).toBe(429);
  });

  it("stops one address trying many accounts at the address limit", async () => {
    const throttle = memoryThrottle({ ...limits, perAddress: 3 });
    const peer = { [PEER_HEADER]: "192.0.2.5" };
    const statuses = [];
    for (const email of ["a@x.test", "b@x.test", "c@x.test", "d@x.test"]) statuses.push(statusOf(await attempt(throttle, email, "whatever", peer)));
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("answers a non-staff user's right password exactly like a wrong one, in the same time", async () => {
    const throttle = memoryThrottle({ ...limits, perAccountAndAddress: 1_000, perAccount: 1_000, perAddress: 1_000 });
    const answer = async (email: string, password: string) => {
      const o = await attempt(throttle, email, password, { [PEER_HEADER]: "192.0.2.6" });
      if (o.kind !== "answered") throw new Error("throttled");
      return { status: o.response.status, body: await o.response.text() };
    };
    const right = await answer("plain1@corp.test", PASSWORD);
    const wrong = await answer("plain1@corp.test", "not-the-password");
    const unknown = await answer("nobody@corp.test", "not-the-password");
    expect(right).toEqual(wrong);
    expect(unknown).toEqual(wrong);
    expect(wrong.status).toBe(401);
    expect(await t.d.db.selectFrom("session").select("session.id").where("session.userId", "=", "plain1").execute()).toHaveLength(0);

    // Interleaved, so a change in the machine's load hits the three kinds alike.
    const kinds = { rightNonStaff: ["plain1@corp.test", PASSWORD], wrong: ["plain1@corp.test", "nope-nope"], unknownEmail: ["nobody@corp.test", "nope-nope"] } as const;
    const times: Record<keyof typeof kinds, number[]> = { rightNonStaff: [], wrong: [], unknownEmail: [] };
    for (let i = 0; i < TRIES; i++) {
      for (const [k, [email, password]] of Object.entries(kinds) as [keyof typeof kinds, readonly [string, string]][]) {
        const start = performance.now();
        await answer(email, password);
        times[k].push(performance.now() - start);
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const m = { rightNonStaff: median(times.rightNonStaff), wrong: median(times.wrong), unknownEmail: median(times.unknownEmail) };
    console.log(`sign-in medians over ${TRIES} tries each (ms):`, JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
    expect(m.rightNonStaff / m.wrong).toBeGreaterThan(0.5);
    expect(m.rightNonStaff / m.wrong).toBeLessThan(2);
    expect(m.unknownEmail / m.wrong).toBeGreaterThan(0.5);
    expect(m.unknownEmail / m.wrong).toBeLessThan(2);
  }, 300_000);

  it("records the resolved address in the staff session row, not a forged header", async () => {
    const throttle = memoryThrottle(limits);
    const o = await attempt(throttle, "sup1@corp.test", PASSWORD, { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "192.0.2.77", [CLIENT_IP_HEADER]: "7.7.7.7" });
    expect(statusOf(o)).toBe(200);
    const rows = await t.d.db.selectFrom("session").select("session.ipAddress").where("session.userId", "=", "sup1").execute();
    expect(rows.map((r) => r.ipAddress)).toEqual(["192.0.2.77"]);
  });
});

describe("the throttle in Redis", async () => {
  const up = await requireRedisOrSkip("sign-in-throttle.test.ts");
  let r: Redis;
  const prefix = uniquePrefix("throttle");
  beforeAll(() => {
    if (up) r = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    if (!up) return;
    await deleteKeys(r, prefix);
    r.disconnect();
  });

  it.skipIf(!up)("shares counts between two dashboard instances", async () => {
    const a = redisThrottle(r, limits, prefix);
    const b = redisThrottle(new Redis(REDIS_URL), limits, prefix);
    const s = { email: "Admin@Corp.test", ip: "192.0.2.8" };
    for (let i = 0; i < 3; i++) expect((await a.reserve(s)).allowed).toBe(true);
    for (let i = 0; i < 2; i++) expect((await b.reserve({ ...s, email: "admin@corp.test" })).allowed).toBe(true);
    const refused = await a.reserve(s);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(limits.windowMs - 60_000);
    expect((await b.reserve(s)).allowed).toBe(false);
    // the dashboard's own keyspace, no email in it
    const keys = await r.keys(`${prefix}*`);
    expect(keys.length).toBe(3);
    expect(keys.join(" ")).not.toContain("corp.test");
    await b.succeeded(s);
    expect((await a.reserve(s)).allowed).toBe(true);
  });

  it.skipIf(!up)("counts parallel attempts atomically", async () => {
    const a = redisThrottle(r, limits, prefix);
    const results = await Promise.all(Array.from({ length: 40 }, () => a.reserve({ email: "race@corp.test", ip: "192.0.2.9" })));
    expect(results.filter((x) => x.allowed)).toHaveLength(5);
  });

  it.skipIf(!up)("gives back reservations without going below zero or creating keys", async () => {
    const a = redisThrottle(r, limits, prefix);
    const s = { email: "rel@corp.test", ip: "192.0.2.10" };
    await a.release(s);
    expect(await r.keys(`${prefix}*`).then((k) => k.filter((x) => x.includes("192.0.2.10")))).toEqual([]);
    for (let i = 0; i < 5; i++) {
      await a.reserve(s);
      await a.release(s);
    }
    expect((await a.reserve(s)).allowed).toBe(true);
  });
});
