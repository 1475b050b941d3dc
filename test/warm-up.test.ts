import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_NOW } from "../lib/seed/generate";
import { seedDatabase } from "../lib/seed/insert";
import { probeCookie, probeToken } from "../lib/auth/probe-cookie";
import { isWarming, WARMING_MAX_MS, warmingBegan, warmingEnded } from "../lib/http/warming";
import { WARM_PATHS, type WarmDeps, warmStart } from "../lib/warm-up";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
import { createTestDb, type TestDb } from "./helpers/db";

/** Resolves once `lines` holds a line matching `re` (the HTTP step runs after warmStart returns). */
async function lineMatching(lines: string[], re: RegExp, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const hit = lines.find((l) => re.test(l));
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no log line matching ${re}; got ${JSON.stringify(lines)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("warm start (lib/warm-up.ts)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
    await seedDatabase(t.raw, t.naming, { users: 60, seed: 3, now: REFERENCE_NOW, columns: t.d.caps.columns });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const deps = (over: Partial<WarmDeps>, log: string[]): WarmDeps => ({
    getDatabase: async () => t.d,
    getAuth: async () => ({}),
    poolMax: 2,
    origin: () => null,
    probeCookie: async () => null,
    log: (line) => log.push(line),
    ...over,
  });

  it("opens the database and Better Auth and runs the list, detail and sessions reads before returning", async () => {
    const log: string[] = [];
    let auth = 0;
    await warmStart(deps({ getAuth: async () => ++auth }, log));
    expect(auth).toBe(1);
    // 2 rounds: the list, a user's page, the sessions list (no trigram index here: no search)
    expect(log).toEqual([expect.stringMatching(/^\[dashboard\] warmed up in \d+ ms \(2 connections, 6 reads\)$/)]);
  });

  it("logs a failure in one line and resolves: the server starts cold, never not at all", async () => {
    const log: string[] = [];
    await expect(warmStart(deps({ getDatabase: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1")) }, log))).resolves.toBeUndefined();
    expect(log).toEqual(["[dashboard] warm-up skipped (the server starts cold): connect ECONNREFUSED 127.0.0.1:1"]);
  });

  it("then requests every route over HTTP with a fresh probe cookie each, no credentials, without holding up the start", async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? "", headers: req.headers });
      res.writeHead(307, { location: "/sign-in" }).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const log: string[] = [];
      const probe = async () => probeCookie("ba-admin.session_token", "warm-test-secret-warm-test-secret-0123");
      await warmStart(deps({ origin: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`, probeCookie: probe }, log));
      // the HTTP step runs after warmStart returns: until it ends, readiness says "warming"
      expect(isWarming()).toBe(true);
      const done = await lineMatching(log, /warmed up/);
      await tick(0);
      expect(isWarming()).toBe(false);
      expect(done).toMatch(/\(2 connections, 6 reads; 30 requests\)$/);
      expect(seen.map((s) => s.url)).toEqual(Array.from({ length: 3 }, () => WARM_PATHS.map((p) => `/admin${p}`)).flat());
      // no credentials of any kind leave the warm-up: no authorization, and the one cookie is a probe
      // naming a token of its own (fresh per request), which no session has (test/auth.test.ts)
      const tokens = new Set<string>();
      for (const s of seen) {
        expect(s.headers.authorization).toBeUndefined();
        expect(s.headers.cookie).toMatch(/^ba-admin\.session_token=[^;]+$/);
        tokens.add(probeToken(s.headers.cookie ?? ""));
      }
      expect(tokens.size).toBe(seen.length);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("logs a server that does not answer, and resolves", async () => {
    // a port nobody listens on: the first request is refused
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const log: string[] = [];
    await warmStart(deps({ origin: () => `http://127.0.0.1:${port}` }, log));
    expect(await lineMatching(log, /over HTTP stopped/)).toMatch(/^\[dashboard\] warm-up over HTTP stopped \(the rest starts cold\): /);
    expect(log.some((l) => l.includes("warmed up"))).toBe(false);
    await tick(0);
    expect(isWarming()).toBe(false); // a failed warm-up does not keep the instance out of rotation
  });

  it("reports warming for at most WARMING_MAX_MS, even when the warm-up hangs", () => {
    const t0 = Date.now();
    warmingBegan(t0);
    expect(isWarming(t0 + 1)).toBe(true);
    expect(isWarming(t0 + WARMING_MAX_MS)).toBe(false);
    warmingEnded();
    expect(isWarming(t0 + 1)).toBe(false);
  });
});
