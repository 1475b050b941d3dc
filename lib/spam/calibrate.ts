import type { Capabilities } from "../db/introspect";
import { SIGNALS, type SignalId } from "./catalog";
import type { UserFacts } from "./facts";
import type { Features, Indexes } from "./features";
import { type KeyIndex, sizeOf } from "./groups";
import type { BigramModel } from "./signals/bigram";
import { BASELINE_MS, commonDays, isSteady, type Probe, type Steadiness, topValues } from "./steadiness";
import type { SignalInfo } from "./types";

/**
 * Self-calibration: which signals the data can support. A signal that needs data the app does not
 * keep (sessions only in Redis, no email verification, client addresses hidden by a proxy) would
 * flag everyone or no one, so it is switched off and the reason is shown to the moderator.
 *
 * Share alone never switches a signal off: the attacker controls the volume, and a wave can be half
 * of a small app's month. A class common in the data (one address, one network, one kind of client)
 * is only taken for a proxy or the app's own traffic when it is also steady over a longer baseline
 * (lib/spam/steadiness.ts): a large part of most days' traffic, where an attack is concentrated in
 * hours or days (and spam that never stops is a trickle on any one day).
 */
export interface Calibration {
  off: Map<SignalId, string>;
  notes: Map<SignalId, string>;
  /** sessions are in the database: return visits and activity days are known */
  returns: boolean;
  verification: boolean;
  network: boolean;
  engineMedians: Partial<Record<"chrome" | "firefox", number>>;
}

const DAY = 86_400_000;
const BASELINE_DAYS = BASELINE_MS / DAY;
export const MIN_SHARE = 0.05;
/** one address or /24 behind more than this share of sign-ups = a proxy's address, not clients' */
export const PROXY_SHARE = 0.2;
/** a client class this common, and steady, is the app's own traffic (a server-side sign-up, its own app) */
const CLIENT_SHARE = 0.2;
/**
 * From this share on, a steady class whose users verify and come back about as often as everyone
 * else's is the app's own client too (an Android build no list knows): a wave does neither.
 */
const CLIENT_PEOPLE_SHARE = 0.05;
/** "about as often": at least this fraction of the app's own rate */
const PEOPLE_LIKE = 0.6;
const pct = (x: number) => `${Math.round(x * 100)}%`;

const CLIENT_CLASSES = [["library", "client.library"], ["headless", "client.headless"], ["empty", "client.empty"], ["bot", "client.bot"]] as const;

/**
 * The classes common enough that calibration might switch their signals off: each needs a steadiness
 * probe over the baseline (the raw addresses or user agents as the session table stores them).
 */
export function calibrationProbes(facts: readonly UserFacts[], f: Features, idx: Indexes): Probe[] {
  const probes: Probe[] = [];
  const withIp = idx.ip.order.length;
  if (withIp >= 20) {
    for (const [id, x, keyOf] of [["ip", idx.ip, f.ip], ["subnet", idx.subnet, f.subnet]] as const) {
      const [top, n] = largest(x);
      if (n / withIp <= PROXY_SHARE) continue;
      probes.push({ id, column: "ipAddress", values: topValues(facts.map((u, i) => (keyOf[i] === top ? u.signupIp : null))) });
    }
  }
  const withClient = f.client.reduce((n, c) => n + (c ? 1 : 0), 0);
  if (withClient >= 20) {
    for (const [kind] of CLIENT_CLASSES) {
      const uas = facts.map((u, i) => (f.client[i]?.kind === kind ? (u.signupUa ?? "") : null));
      const n = uas.reduce((c, v) => c + (v === null ? 0 : 1), 0);
      if (n / withClient > CLIENT_PEOPLE_SHARE) probes.push({ id: `client.${kind}`, column: "userAgent", values: topValues(uas.map((v) => (v === "" ? null : v))) });
    }
  }
  return probes;
}

export function calibrate(
  caps: Capabilities, facts: readonly UserFacts[], f: Features, idx: Indexes, model: BigramModel | null, now: number, steady: Steadiness | null = null,
): Calibration {
  const off = new Map<SignalId, string>();
  const notes = new Map<SignalId, string>();
  const set = (ids: readonly SignalId[], why: string) => {
    for (const id of ids) if (!off.has(id)) off.set(id, why);
  };
  const network: SignalId[] = ["burst.ip", "burst.subnet"];
  const client: SignalId[] = ["client.library", "client.headless", "client.empty", "client.bot", "client.outdated", "burst.ua"];
  const n = facts.length;

  // Sessions: without rows there is no sign-up address, no client, no return visit.
  const tableThere = caps.sessionTable && caps.columns.session.has("userId");
  let withSessions = 0;
  let signups = 0;
  let matured = 0;
  let verified = 0;
  for (const u of facts) {
    if (u.sessions > 0) withSessions++;
    if (u.hasSignupSession) signups++;
    if (now - u.createdAt >= DAY) {
      matured++;
      if (u.verified) verified++;
    }
  }
  const returns = tableThere && n > 0 && withSessions / n >= MIN_SHARE;
  if (!returns) {
    const why = !tableThere
      ? "the database has no session table: sessions live in secondary storage (Redis)"
      : `only ${withSessions} of ${n} accounts have a session row: sessions are kept in secondary storage (Redis) or purged`;
    set([...network, ...client, "lifecycle.noreturn", "trust.active"], why);
  }
  if (returns && signups / n < MIN_SHARE) {
    set([...network, ...client], `only ${pct(signups / n)} of accounts have a session that starts at sign-up (e.g. email verification before the first sign-in), so there is no sign-up address or client`);
  }

  // Network: addresses recorded at all, and not one proxy address for everyone.
  const withIp = idx.ip.order.length;
  if (signups > 0 && withIp / signups < MIN_SHARE) set(network, "sessions record no public IP addresses (IP tracking disabled, or only private/loopback addresses)");
  const [topIp, ipN] = largest(idx.ip);
  const [topNet, netN] = largest(idx.subnet);
  // The daily share a steady class needs: half the share that made it a candidate (day-to-day noise),
  // of every day's sessions rather than of this window's sign-ups.
  const daysAt = (id: string, daily: number) =>
    `${pct(daily)}+ of a day's sessions on ${commonDays(steady, id, daily)} of the ${steady?.days ?? 0} days with sessions in the ${Math.round(BASELINE_DAYS)} days before (present on ${steady?.present.get(id) ?? 0})`;
  const netDaily = PROXY_SHARE / 2;
  if (withIp >= 20 && ipN / withIp > PROXY_SHARE) {
    if (isSteady(steady, "ip", netDaily)) set([...network], `${pct(ipN / withIp)} of sign-ups come from one address (${topIp}), ${daysAt("ip", netDaily)}: a reverse proxy probably hides the client addresses (configure Better Auth's advanced.ipAddress.ipAddressHeaders)`);
    else notes.set("burst.ip", `${pct(ipN / withIp)} of sign-ups come from one address (${topIp}) but only ${daysAt("ip", netDaily)}: a burst, not a proxy, so network signals stay on`);
  } else if (withIp >= 20 && netN / withIp > PROXY_SHARE) {
    if (isSteady(steady, "subnet", netDaily)) set([...network], `${pct(netN / withIp)} of sign-ups come from one network (${topNet}), ${daysAt("subnet", netDaily)}: probably a proxy's or load balancer's addresses`);
    else notes.set("burst.subnet", `${pct(netN / withIp)} of sign-ups come from one network (${topNet}) but only ${daysAt("subnet", netDaily)}: a burst, not a proxy, so network signals stay on`);
  }

  // Clients: a class this common is the app's own traffic, not an attack.
  const classes = new Map<string, number>();
  const majors: Record<"chrome" | "firefox", number[]> = { chrome: [], firefox: [] };
  let withClient = 0;
  for (const c of f.client) {
    if (!c) continue;
    withClient++;
    classes.set(c.kind, (classes.get(c.kind) ?? 0) + 1);
    if (c.engine) majors[c.engine.name].push(c.engine.major);
  }
  if (withClient >= 20) {
    const people = goodRates(facts, f, now);
    for (const [kind, id] of CLIENT_CLASSES) {
      const share = (classes.get(kind) ?? 0) / withClient;
      if (share <= CLIENT_PEOPLE_SHARE) continue;
      const rate = people.byKind.get(kind) ?? 0;
      const peopleLike = rate >= PEOPLE_LIKE * people.all;
      if (share <= CLIENT_SHARE && !peopleLike) continue;
      const daily = (peopleLike ? CLIENT_PEOPLE_SHARE : CLIENT_SHARE) / 2;
      if (isSteady(steady, id, daily)) {
        const who = peopleLike ? `, and ${pct(rate)} of its users verified or came back (${pct(people.all)} of all)` : "";
        set([id], `${pct(share)} of sign-ups look like this, ${daysAt(id, daily)}${who}: that is the app's own traffic (add its user agent to SPAM_NATIVE_CLIENTS), not an attack`);
      } else notes.set(id, `${pct(share)} of sign-ups look like this but only ${daysAt(id, daily)}: concentrated like an attack, so the signal stays on`);
    }
  }
  const engineMedians: Calibration["engineMedians"] = {};
  for (const name of ["chrome", "firefox"] as const) {
    const list = majors[name].sort((a, b) => a - b);
    if (list.length >= 50) engineMedians[name] = list[Math.floor(list.length / 2)] as number;
  }
  if (engineMedians.chrome === undefined && engineMedians.firefox === undefined) set(["client.outdated"], "too few browser sign-ups to know which versions are current here");
  else notes.set("client.outdated", `current here: Chrome ${engineMedians.chrome ?? "?"}, Firefox ${engineMedians.firefox ?? "?"} (median); 20+ versions behind counts`);

  // Verification: only meaningful when the app verifies addresses at all.
  const verifiedShare = matured ? verified / matured : 0;
  const verification = verifiedShare >= MIN_SHARE;
  if (!verification) set(["lifecycle.unverified"], `only ${pct(verifiedShare)} of accounts are verified: this app does not seem to verify email addresses`);
  if (!verification) notes.set("trust.active", "verification is not used here: activity on several days alone counts");

  if (!model) set(["email.generated"], "too few users to learn what this app's addresses look like");
  else notes.set("email.generated", `learned from ${model.trainedOn} of this app's addresses`);
  if (!returns && !verification) set(["cluster.outcome"], "neither return visits (no session rows) nor verification are known, so a group's later behaviour cannot be seen");

  return { off, notes, returns, verification, network: !off.has("burst.ip"), engineMedians };
}

/** The share of accounts old enough to tell (3 days) that verified, came back or use OAuth: overall and per client class. */
function goodRates(facts: readonly UserFacts[], f: Features, now: number): { all: number; byKind: Map<string, number> } {
  const n = new Map<string, [number, number]>();
  let known = 0;
  let good = 0;
  facts.forEach((u, i) => {
    if (now - u.createdAt < 3 * DAY) return;
    const ok = u.verified || u.oauth || (u.lastSeen !== null && u.lastSeen - u.createdAt >= 12 * 3_600_000);
    known++;
    if (ok) good++;
    const kind = f.client[i]?.kind;
    if (!kind) return;
    const t = n.get(kind) ?? [0, 0];
    t[0]++;
    if (ok) t[1]++;
    n.set(kind, t);
  });
  return { all: known ? good / known : 0, byKind: new Map([...n].map(([k, [a, b]]) => [k, a ? b / a : 0])) };
}

function largest(x: KeyIndex): [string, number] {
  let best = -1;
  let size = 0;
  for (let k = 0; k < x.keys.length; k++) {
    const s = sizeOf(x, k);
    if (s > size) [best, size] = [k, s];
  }
  return [x.keys[best] ?? "", size];
}

export function signalInfos(c: Calibration): SignalInfo[] {
  return SIGNALS.map((s) => {
    const why = c.off.get(s.id) ?? c.notes.get(s.id);
    return { id: s.id, family: s.family, label: s.label, active: !c.off.has(s.id), ...(why ? { why } : {}) };
  });
}
