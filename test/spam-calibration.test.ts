import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../lib/db/open";
import { localPartFromName } from "../lib/seed/identity";
import { randomPerson } from "../lib/seed/names";
import { Random } from "../lib/seed/random";
import { computeSpam } from "../lib/spam/engine";
import { BASELINE_MS, measureSteadiness, type Probe, SteadinessMemo } from "../lib/spam/steadiness";
import { scoreOf } from "../lib/spam/queries";
import type { SpamResult } from "../lib/spam/types";
import { createTestDb, type TestDb } from "./helpers/db";

/**
 * Calibration an attacker cannot switch off, and windows of any age, on a small app's real database:
 * four months of ordinary sign-ups (about six a day, most verify and come back), a recent wave of
 * headless bots from one datacenter network that is ~40% of the month's sign-ups and signs in again
 * from there, and a 41-day-old wave that a 30-day window cannot see.
 */
const NOW = new Date("2026-06-01T12:00:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0",
];
const OKHTTP = "okhttp/4.12.0";
/** the app's own Android build, a client no built-in list knows */
const OWN_CLIENT = "ShopMate/3.2.1 (Android 14; build 5521)";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/139.0.0.0 Safari/537.36";

interface Person {
  id: string;
  label: string;
  email: string;
  name: string;
  verified: boolean;
  at: number;
  ip: string;
  ua: string;
  /** days after sign-up with another session, and the address it came from */
  returns: { days: number; ip: string }[];
}

function world(): Person[] {
  const r = new Random(12);
  const out: Person[] = [];
  const ip = () => `${r.pick([24, 71, 82, 90, 177, 201])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  const add = (label: string, p: Omit<Person, "id" | "label">) => out.push({ id: `u_${label.replace(/\W/g, "")}_${out.length}`, label, ...p });
  // ~6 a day for 120 days; a third on the app's Android client (okhttp), a sixth on its own build
  for (let k = 0; k < 720; k++) {
    const person = randomPerson(r);
    const at = NOW.getTime() - r.float(0.5, 120) * DAY;
    const home = ip();
    const ua = k % 3 === 0 ? OKHTTP : k % 6 === 1 ? OWN_CLIENT : r.pick(BROWSERS);
    const back = r.chance(0.75);
    add(ua === OKHTTP ? "legit:okhttp" : ua === OWN_CLIENT ? "legit:own-client" : "legit", {
      email: `${localPartFromName(r, person.first, person.last)}${k}@${r.pick(["gmail.com", "outlook.com", "yahoo.com", "web.de"])}`,
      name: person.name, verified: r.chance(0.85), at, ip: home, ua,
      returns: back ? [{ days: r.float(1, 3), ip: home }, { days: r.float(4, 12), ip: home }] : [],
    });
  }
  // the recent wave: 130 headless bots from one /24 over 36 hours, ordinary-looking addresses; half sign in again from there
  const t0 = NOW.getTime() - 10 * DAY;
  for (let j = 0; j < 130; j++) {
    const person = randomPerson(r);
    const net = `185.234.72.${r.int(1, 254)}`;
    add("spam:datacenter", {
      email: `${localPartFromName(r, person.first, person.last)}${r.int(10, 99)}@${r.pick(["gmail.com", "outlook.com"])}`,
      name: person.name, verified: r.chance(0.05), at: t0 + r.float(0, 36) * HOUR, ip: net, ua: HEADLESS,
      returns: j % 2 === 0 ? [{ days: r.float(1, 2), ip: `185.234.72.${r.int(1, 254)}` }] : [],
    });
  }
  // the old wave: 40 scripted sign-ups from one address on a throwaway domain, 41 days ago
  const old = NOW.getTime() - 41 * DAY;
  for (let j = 0; j < 40; j++) {
    add("spam:old", { email: `${r.alnum(10)}@mailinator.com`, name: r.alnum(8), verified: false, at: old + j * 2 * MIN, ip: "91.132.147.20", ua: "python-requests/2.32.3", returns: [] });
  }
  return out;
}

async function insertWorld(d: Database, people: Person[]): Promise<void> {
  await d.db.insertInto("user").values(people.map((p) => ({
    id: p.id, name: p.name, email: p.email, emailVerified: p.verified, image: null, createdAt: new Date(p.at), updatedAt: new Date(p.at), role: "user", banned: false,
  }))).execute();
  const sessions = people.flatMap((p) => [{ days: 0, ip: p.ip }, ...p.returns].map((s, k) => {
    const at = p.at + (k === 0 ? 4_000 : s.days * DAY);
    return { id: `s_${p.id}_${k}`, userId: p.id, token: `t_${p.id}_${k}`, ipAddress: s.ip, userAgent: p.ua, createdAt: new Date(at), updatedAt: new Date(at), expiresAt: new Date(at + 7 * DAY) };
  }).filter((s) => s.createdAt.getTime() <= NOW.getTime()));
  for (let i = 0; i < sessions.length; i += 500) await d.db.insertInto("session").values(sessions.slice(i, i + 500)).execute();
  await d.db.insertInto("account").values(people.map((p) => ({ id: `a_${p.id}`, accountId: p.id, providerId: "credential", userId: p.id, createdAt: new Date(p.at), updatedAt: new Date(p.at) }))).execute();
}

const PEOPLE = world();
const of = (label: string) => PEOPLE.filter((p) => p.label === label);
const score = (r: SpamResult, p: Person) => scoreOf(r, p.id)?.score ?? 0;
const flaggedPeople = (r: SpamResult) => PEOPLE.filter((p) => p.label.startsWith("legit") && score(r, p) >= r.thresholds.review).map((p) => [p.label, p.ua, score(r, p), scoreOf(r, p.id)?.reasons.map((x) => x.text)]);

describe("spam calibration on steadiness, and windows of any age", () => {
  let t: TestDb;
  let month: SpamResult;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await insertWorld(t.d, PEOPLE);
    month = await computeSpam(t.d, { now: NOW });
  });
  afterAll(async () => t?.cleanup());

  it("still flags a wave that is ~40% of the window's sign-ups", () => {
    const wave = of("spam:datacenter");
    const windowSignups = PEOPLE.filter((p) => p.at >= NOW.getTime() - 30 * DAY).length;
    expect(wave.length / windowSignups).toBeGreaterThan(0.3);
    expect(wave.length / windowSignups).toBeLessThan(0.5);
    const missed = wave.filter((p) => score(month, p) < month.thresholds.review);
    expect(missed.map((p) => [score(month, p), scoreOf(month, p.id)?.reasons.map((x) => x.text)])).toEqual([]);
    // the signals that describe it stay on, and say why
    const subnet = month.signals.find((s) => s.id === "burst.subnet");
    expect(subnet).toMatchObject({ active: true, why: expect.stringMatching(/185\.234\.72\.0\/24.*a burst, not a proxy/) });
    expect(month.signals.find((s) => s.id === "client.headless")).toMatchObject({ active: true, why: expect.stringMatching(/concentrated like an attack/) });
    expect(month.waves.some((w) => w.kind === "subnet-week" && w.label.includes("185.234.72.0/24") && w.size >= 0.9 * wave.length)).toBe(true);
  });

  it("does not count the bots' own sign-ins again as the group coming back", () => {
    const back = of("spam:datacenter").filter((p) => p.returns.length && p.at + p.returns[0]!.days * DAY + 3 * DAY < NOW.getTime());
    expect(back.length).toBeGreaterThan(30);
    for (const p of back) {
      const reasons = scoreOf(month, p.id)?.reasons ?? [];
      expect(reasons.map((x) => x.code)).toContain("cluster.outcome");
      expect(reasons.find((x) => x.code === "lifecycle.noreturn")?.text).toMatch(/same scripted client/);
    }
  });

  it("flags no one on the app's own steady clients (okhttp, and an unknown build) without configuration", () => {
    expect(process.env.SPAM_NATIVE_CLIENTS ?? "").toBe("");
    expect(flaggedPeople(month)).toEqual([]);
    const own = month.signals.find((s) => s.id === "client.library");
    // its own build is a "library" to the classifier; steady over months, so that signal is the app's traffic
    expect(own).toMatchObject({ active: false, why: expect.stringMatching(/app's own traffic/) });
  });

  it("scores the window the moderator picks: an old wave is out of 30 days and in 90 days and everyone", async () => {
    const old = of("spam:old");
    expect(old.every((p) => scoreOf(month, p.id) === null)).toBe(true);
    for (const sinceDays of [90, 0]) {
      const r = await computeSpam(t.d, { now: NOW, sinceDays });
      expect(old.filter((p) => score(r, p) < r.thresholds.likely)).toEqual([]);
      expect(flaggedPeople(r)).toEqual([]);
    }
  });

  it("gives the same verdicts when the window is cut into many time slices, waves merged across the cuts", async () => {
    const whole = await computeSpam(t.d, { now: NOW, sinceDays: 0 });
    const sliced = await computeSpam(t.d, { now: NOW, sinceDays: 0, slice: { users: 60, days: 0 } });
    expect(sliced.stats.slices).toBeGreaterThan(10);
    const flagged = (r: SpamResult) => PEOPLE.filter((p) => score(r, p) >= r.thresholds.review).map((p) => p.id).sort();
    expect(flagged(sliced)).toEqual(flagged(whole));
    const wavesOf = (r: SpamResult) => r.waves.map((w) => [w.key, w.size]).sort();
    expect(wavesOf(sliced)).toEqual(wavesOf(whole));
    // everyone is read through one cursor (lib/spam/fact-stream.ts); a window reaching past the first
    // sign-up reads each slice with per-user look-ups: the same facts, so the same scores and reasons
    const windowed = await computeSpam(t.d, { now: NOW, sinceDays: 3650, slice: { users: 60, days: 0 } });
    expect(windowed.stats.slices).toBe(sliced.stats.slices);
    const verdicts = (r: SpamResult) => PEOPLE.map((p) => [p.id, score(r, p), r.accounts.get(p.id)?.reasons.map((x) => x.code).join()]);
    expect(verdicts(windowed)).toEqual(verdicts(sliced));
    expect(wavesOf(windowed)).toEqual(wavesOf(sliced));
  });

  it("answers a sliced run's steadiness probes from its memo exactly as the one-pass query does", async () => {
    const q = (col: string) => sql<{ v: string }>`select distinct ${sql.ref(col)} as v from ${sql.id(t.schema, "session")} where ${sql.ref(col)} is not null order by 1`.execute(t.raw);
    const ips = (await q("ipAddress")).rows.map((r) => r.v);
    const uas = (await q("userAgent")).rows.map((r) => r.v);
    const probes: Probe[] = [
      { id: "ip", column: "ipAddress", values: ips.filter((v) => v.startsWith("185.234.72.")) },
      { id: "some-ips", column: "ipAddress", values: ips.slice(0, 40) },
      ...uas.map((v, k) => ({ id: `ua${k}`, column: "userAgent" as const, values: [v] })),
      { id: "clients", column: "userAgent", values: [OKHTTP, OWN_CLIENT, "never seen/1.0"] },
    ];
    expect(probes[0]?.values.length).toBeGreaterThan(0);
    const memo = new SteadinessMemo();
    // slice ends on day boundaries and off them (the last slice ends now), so a baseline can start and end mid-day
    const ends = [...Array.from({ length: 14 }, (_, k) => Date.UTC(2026, 1, 1) + k * 9 * DAY + (k % 3) * 7 * HOUR), NOW.getTime()];
    // a window's memo reads from its earliest baseline on (here mid-day, so the day it cuts is read in part)
    const later = ends.filter((e) => e >= Date.UTC(2026, 4, 8));
    expect(later.length).toBeGreaterThan(2);
    const earliest = Math.min(...later) - BASELINE_MS - 5 * HOUR;
    const bounded = new SteadinessMemo(new Date(earliest));
    const older = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(t.schema, "session")} where "createdAt" < ${new Date(earliest)}`.execute(t.raw);
    expect(older.rows[0]?.n, "sessions the bounded memo does not read").toBeGreaterThan(0);
    let seen = 0;
    let partial = 0;
    for (const to of ends) {
      const direct = await measureSteadiness(t.d.db, probes, new Date(to));
      const memoised = await measureSteadiness(t.d.db, probes, new Date(to), memo);
      expect(memoised, new Date(to).toISOString()).toEqual(direct);
      if (to >= Math.min(...later)) {
        expect(await measureSteadiness(t.d.db, probes, new Date(to), bounded), new Date(to).toISOString()).toEqual(direct);
      }
      seen += [...(direct?.present.values() ?? [])].filter((n) => n > 0).length;
      partial += [...(direct?.shares.values() ?? [])].flat().filter((x) => x > 0 && x < 1).length;
    }
    // the probes are not all empty, nor every day all one class: the comparison says something
    expect(seen).toBeGreaterThan(20);
    expect(partial).toBeGreaterThan(100);
    // a baseline the bounded memo has not read is refused, not answered short
    await expect(measureSteadiness(t.d.db, probes, new Date(earliest + BASELINE_MS - HOUR), bounded)).rejects.toThrow(/before the memo/);
  });

  it("still switches network signals off behind a real reverse proxy (one address every day for months)", async () => {
    await sql`update ${sql.id(t.schema, "session")} set "ipAddress" = '198.51.100.7'`.execute(t.raw);
    const r = await computeSpam(t.d, { now: NOW });
    for (const id of ["burst.ip", "burst.subnet"]) {
      expect(r.signals.find((s) => s.id === id), id).toMatchObject({ active: false, why: expect.stringMatching(/one address \(198\.51\.100\.7\), 10%\+ of a day's sessions on \d+ of the \d+ days.*reverse proxy/) });
    }
    expect(flaggedPeople(r)).toEqual([]);
    // the wave still shows through what the proxy does not hide
    const wave = of("spam:datacenter");
    expect(wave.filter((p) => score(r, p) >= r.thresholds.review).length).toBeGreaterThan(0.9 * wave.length);
  });
});

/**
 * Spam that never stops: a busy app (30 sign-ups a day) where a headless sign-up or two turns up on
 * most days (many small kits with the same few builds), and then a wave of the same builds that is
 * ~40% of the month. Headless sessions are present on most days of the baseline but a few percent of
 * any day's traffic: that is not the app's own client, and the wave must not switch its signal off.
 */
function dripWorld(): Person[] {
  const r = new Random(21);
  const out: Person[] = [];
  const ip = () => `${r.pick([24, 71, 82, 90, 177, 201])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  const add = (label: string, p: Omit<Person, "id" | "label">) => out.push({ id: `d_${label.replace(/\W/g, "")}_${out.length}`, label, ...p });
  for (let k = 0; k < 30 * 120; k++) {
    const person = randomPerson(r);
    const home = ip();
    add("legit", {
      email: `${localPartFromName(r, person.first, person.last)}${k}@${r.pick(["gmail.com", "outlook.com", "yahoo.com", "web.de"])}`,
      name: person.name, verified: r.chance(0.85), at: NOW.getTime() - r.float(0.5, 120) * DAY, ip: home, ua: r.pick(BROWSERS),
      returns: r.chance(0.75) ? [{ days: r.float(1, 3), ip: home }, { days: r.float(4, 12), ip: home }] : [],
    });
  }
  for (let d = 1; d < 120; d++) {
    if (!r.chance(0.8)) continue;
    for (let j = r.int(1, 2); j > 0; j--) {
      add("spam:drip", { email: `${r.alnum(9).toLowerCase()}@${r.pick(["gmail.com", "outlook.com"])}`, name: r.alnum(7), verified: false, at: NOW.getTime() - (d + r.float(0, 1)) * DAY, ip: ip(), ua: HEADLESS, returns: [] });
    }
  }
  const t0 = NOW.getTime() - 10 * DAY;
  for (let j = 0; j < 600; j++) {
    const person = randomPerson(r);
    add("spam:wave", {
      email: `${localPartFromName(r, person.first, person.last)}${r.int(10, 99)}@${r.pick(["gmail.com", "outlook.com"])}`,
      name: person.name, verified: r.chance(0.05), at: t0 + r.float(0, 36) * HOUR, ip: `45.134.26.${r.int(1, 254)}`, ua: HEADLESS, returns: [],
    });
  }
  return out;
}

describe("spam calibration when spam never stops", () => {
  const people = dripWorld();
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await insertWorld(t.d, people);
  });
  afterAll(async () => t?.cleanup());

  it("keeps the headless signal on for a wave of the builds a daily trickle also uses", async () => {
    const r = await computeSpam(t.d, { now: NOW });
    const wave = people.filter((p) => p.label === "spam:wave");
    const month = people.filter((p) => p.at >= NOW.getTime() - 30 * DAY).length;
    expect(wave.length / month).toBeGreaterThan(0.3);
    // the trickle is there on most days of the baseline: presence alone would call the class steady
    const drip = people.filter((p) => p.label === "spam:drip" && p.at >= NOW.getTime() - 90 * DAY);
    expect(new Set(drip.map((p) => Math.floor(p.at / DAY))).size).toBeGreaterThan(45);
    expect(r.signals.find((s) => s.id === "client.headless")).toMatchObject({ active: true, why: expect.stringMatching(/present on \d+\).*concentrated like an attack/) });
    const missed = wave.filter((p) => (scoreOf(r, p.id)?.score ?? 0) < r.thresholds.review);
    expect(missed.length).toBeLessThan(0.05 * wave.length);
    const legit = people.filter((p) => p.label === "legit" && (scoreOf(r, p.id)?.score ?? 0) >= r.thresholds.review);
    expect(legit.length).toBeLessThan(0.005 * people.length);
  });
});
