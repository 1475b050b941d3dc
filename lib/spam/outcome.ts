import type { Bursts } from "./bursts";
import type { Calibration } from "./calibrate";
import type { UserFacts } from "./facts";
import type { Features, Indexes } from "./features";
import { type Cluster, clustersOf, indexKeys, type KeyIndex } from "./groups";
import { networkKeys } from "./signals/network";
import type { SequenceRun } from "./signals/sequence";
import { isOutdated } from "./signals/user-agent";
import { isWebmail } from "./signals/webmail";

/**
 * Groups of sign-ups that share a trait, and what became of them. A spam wave's members never come
 * back; an office onboarding or a campus NAT looks the same at sign-up but its people return. The
 * group's later behaviour therefore both adds points (a group that never returns) and cancels
 * velocity points (a shared network whose people came back is an office, not a wave).
 */
export type GroupKind = "ip" | "subnet" | "domain" | "ua" | "mailbox" | "sequence" | "throwaway";

export interface GroupStats extends Cluster {
  kind: GroupKind;
  /** members old enough for their return (or verification) to be known */
  known: number;
  /** of those, members who came back (or verified, when returns are unknown), or use OAuth */
  good: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** consecutive members of one group are at most `gap` apart, and a group spans at most `span` */
const LIMITS: Record<GroupKind, { gap: number; span: number }> = {
  ip: { gap: 3 * DAY, span: 14 * DAY },
  subnet: { gap: 7 * DAY, span: 14 * DAY },
  domain: { gap: DAY, span: 2 * DAY },
  ua: { gap: DAY, span: 2 * DAY },
  mailbox: { gap: 7 * DAY, span: 30 * DAY },
  sequence: { gap: 0, span: 0 },
  throwaway: { gap: 7 * DAY, span: Number.POSITIVE_INFINITY },
};
/** a return visit is a session activity this long after sign-up; judged once the account is this old */
export const RETURN_AFTER = 12 * HOUR;
export const RETURN_JUDGED_AFTER = 3 * DAY;
export const MIN_GROUP = 5;

export interface Outcomes {
  groups: GroupStats[];
  /** per kind, each account's group index in `groups` (-1: none) */
  of: Record<GroupKind, Int32Array>;
  /** per account: 1 came back, 2 came back as the sign-up script (see SCRIPTED), 0 did not, -1 unknown */
  returned: Int8Array;
  /** the share of all accounts (known ones) that came back: groups are judged against it */
  baseRate: number;
}

/**
 * A return is weak evidence of a person when it comes from the sign-up's own network with the sign-up's
 * own scripted client (a library, a headless browser, no user agent, a bot): bots sign in again too.
 * Such a return still means "came back" for the account itself (it is not called dormant), but a group
 * made of them is not a group of people who came back (SCRIPTED = 2 in `returned`).
 */
export const SCRIPTED = 2;
const SCRIPTED_KINDS = new Set(["library", "headless", "empty", "bot"]);

export function returnedOf(facts: readonly UserFacts[], now: number, cal: Calibration, f?: Features): Int8Array {
  const out = new Int8Array(facts.length).fill(-1);
  if (!cal.returns) return out;
  facts.forEach((u, i) => {
    if (u.sessions === 0 || now - u.createdAt < RETURN_JUDGED_AFTER) return;
    const back = u.lastSeen !== null && u.lastSeen - u.createdAt >= RETURN_AFTER;
    out[i] = !back ? 0 : f && scriptedReturn(u, f, i, cal) ? SCRIPTED : 1;
  });
  return out;
}

function scriptedReturn(u: UserFacts, f: Features, i: number, cal: Calibration): boolean {
  const c = f.client[i];
  // a class calibration recognised as the app's own steady traffic is not a script
  if (!c || !SCRIPTED_KINDS.has(c.kind) || cal.off.has(`client.${c.kind}` as never)) return false;
  if ((u.lastUa?.trim() ?? "") !== (u.signupUa?.trim() ?? "")) return false;
  const net = f.subnet[i];
  return net !== null && net !== undefined && networkKeys(u.lastIp)?.subnet === net;
}

export function buildOutcomes(
  facts: readonly UserFacts[], f: Features, idx: Indexes, cal: Calibration, bursts: Bursts, seq: { runs: SequenceRun[]; of: Int32Array }, now: number,
): Outcomes {
  const returned = returnedOf(facts, now, cal, f);
  const groups: GroupStats[] = [];
  const of = {} as Record<GroupKind, Int32Array>;
  const add = (kind: GroupKind, clusters: Cluster[], cl: Int32Array) => {
    const base = groups.length;
    for (const c of clusters) groups.push({ ...c, kind, ...tally(c.members, facts, returned, cal, now) });
    of[kind] = cl.map((g) => (g < 0 ? -1 : g + base));
  };
  const cluster = (kind: GroupKind, x: KeyIndex, include?: (i: number) => boolean, minSize = MIN_GROUP) => {
    const { clusters, of: cl } = clustersOf(kind, x, f.times, LIMITS[kind], minSize, include);
    add(kind, clusters, cl);
  };
  const none = () => false;
  cluster("ip", idx.ip, cal.network ? undefined : none);
  cluster("subnet", idx.subnet, cal.network ? undefined : none);
  // Big webmail providers are shared by everyone: "gmail.com this week" is not a group.
  const webmail = idx.domain.keys.map(isWebmail);
  cluster("domain", idx.domain, (i) => !webmail[idx.domain.keyOf[i] as number]);
  // Only unusual clients form groups: a rare user agent in a burst, a non-browser, a years-old browser.
  // A common browser build is shared by strangers: grouping on it would blame them for a wave.
  cluster("ua", idx.ua, (i) => {
    const c = f.client[i];
    if (!c) return false;
    // a client class switched off by calibration (the app's own traffic) forms no group either
    const odd = c.kind !== "browser" && c.kind !== "native" && !cal.off.has(`client.${c.kind}`);
    return Boolean(bursts.rareUa[i] && bursts.of.ua[i]) || odd || (!cal.off.has("client.outdated") && isOutdated(c.engine, cal.engineMedians));
  });
  // One mailbox behind accounts created days apart is a person re-registering; within days, a farm.
  cluster("mailbox", indexKeys(f.mailbox), undefined, 2);
  cluster("throwaway", indexKeys(f.disposable.map((d) => (d ? "throwaway" : null))));
  const seqClusters: Cluster[] = seq.runs.map((r) => ({ kind: "sequence", key: r.key, members: r.members, firstAt: f.times[r.members[0] as number] as number, lastAt: f.times[r.members.at(-1) as number] as number }));
  add("sequence", seqClusters, seq.of);
  const all = tally(facts.map((_, i) => i), facts, returned, cal, now);
  return { groups, of, returned, baseRate: all.known ? all.good / all.known : 0 };
}

function tally(members: number[], facts: readonly UserFacts[], returned: Int8Array, cal: Calibration, now: number) {
  let known = 0;
  let good = 0;
  for (const i of members) {
    const u = facts[i] as UserFacts;
    if (cal.returns) {
      const r = returned[i] as number;
      if (r < 0) continue;
      known++;
      // a return by the sign-up's own script counts as known, not as good
      if (r === 1 || u.oauth) good++;
    } else if (cal.verification && now - u.createdAt >= DAY) {
      known++;
      if (u.verified || u.oauth) good++;
    }
  }
  return { known, good };
}

/**
 * Outcome thresholds relative to the app's own base rate: in an app where most people never return,
 * a group returning at 20% is normal; where most return, a group at 20% stands out.
 */
export function outcomeBands(baseRate: number) {
  return { none: Math.min(0.1, 0.2 * baseRate), few: Math.min(0.25, 0.4 * baseRate), cameBack: Math.min(0.4, 0.6 * baseRate) };
}

/** The group came back: a shared network or domain of people, not a wave. */
export function groupCameBack(g: GroupStats | undefined, baseRate: number): boolean {
  return g !== undefined && g.known >= MIN_GROUP && g.good / g.known >= outcomeBands(baseRate).cameBack;
}
