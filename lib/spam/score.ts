import { BURST_SIGNAL, type Bursts } from "./bursts";
import type { Calibration } from "./calibrate";
import { familyOf, type SignalId } from "./catalog";
import type { UserFacts } from "./facts";
import type { Features } from "./features";
import { type GroupKind, groupCameBack, MIN_GROUP, type Outcomes, outcomeBands, SCRIPTED } from "./outcome";
import { burstText, outcomeText, short } from "./reasons";
import type { SequenceRun } from "./signals/sequence";
import { isOutdated } from "./signals/user-agent";
import type { Reason } from "./types";

/**
 * Points per signal. Tuned on the benchmark's tuning seed (scripts/bench-spam.ts) so that a wave needs
 * several independent families to reach "likely spam" and no single fact about a person can.
 */
export const POINTS = {
  disposable: 35, mailboxShared: 35, mailboxPair: 10, sequence: 35, generated: 15, digits: 8,
  library: 30, headless: 25, empty: 20, bot: 20, outdated: 12,
  dormant: 15, noreturn: 10, unverified: 8,
  link: 45, adStrong: 35, adWeak: 20,
  outcomeNone: 20, outcomeFew: 10,
  oauth: -20, active: -25, activeOnly: -15,
} as const;

const DAY = 86_400_000;

export interface ScoreInput {
  facts: readonly UserFacts[];
  f: Features;
  cal: Calibration;
  bursts: Bursts;
  outcomes: Outcomes;
  seq: { runs: SequenceRun[]; of: Int32Array };
  now: number;
}

/** Keeps the strongest reason of each family (in `best`, by family) unless calibration switched the signal off. */
function offer(best: Map<string, Reason>, cal: Calibration, code: SignalId, points: number, text: string): void {
  if (cal.off.has(code)) return;
  const family = familyOf[code];
  const cur = best.get(family);
  // trust subtracts: its strongest is its most negative
  const stronger = family === "trust" ? !cur || points < cur.points : !cur || points > cur.points;
  if (stronger) best.set(family, { code, points, text });
}

function groupOf(outcomes: Outcomes, i: number, kind: GroupKind) {
  const g = outcomes.of[kind]?.[i] ?? -1;
  return g >= 0 ? outcomes.groups[g] : undefined;
}

const BURST_KINDS = ["ip", "subnet", "domain", "ua"] as const;
const OUTCOME_KINDS = ["mailbox", "sequence", "ip", "subnet", "domain", "ua", "throwaway"] as const;

// offer, groupOf and the kind lists live at module level, not made again per account: scoring runs once per
// sign-up (a million times for an all-time pass at 1M users).
export function scoreAccount(x: ScoreInput, i: number): { score: number; reasons: Reason[] } {
  const { facts, f, cal, outcomes, now } = x;
  const u = facts[i] as UserFacts;
  const best = new Map<string, Reason>();

  // email identity
  const domain = f.domain[i];
  const disposable = f.disposable[i];
  if (disposable) offer(best, cal, "email.disposable", POINTS.disposable, `uses a throwaway email provider (${disposable})`);
  if (!f.placeholder[i]) {
    const mb = groupOf(outcomes, i, "mailbox");
    if (mb) {
      const gmail = mb.key.endsWith("@gmail.com");
      const how = gmail ? "through dot and plus variants" : "through +tag variants";
      if (mb.members.length >= 3) offer(best, cal, "email.mailbox", POINTS.mailboxShared, `one of ${mb.members.length} accounts that share one ${gmail ? "Gmail " : ""}mailbox (${mb.key}) ${how}`);
      else offer(best, cal, "email.mailbox", POINTS.mailboxPair, `shares one mailbox (${mb.key}) with another account ${how}`);
    }
    const run = x.seq.runs[x.seq.of[i] ?? -1];
    if (run) offer(best, cal, "email.sequence", POINTS.sequence, `one of ${run.members.length} sequentially numbered addresses (${run.label})`);
    if (f.generated[i]) offer(best, cal, "email.generated", POINTS.generated, `the address (${short(u.email, 40)}) looks machine-generated compared with this app's users' addresses`);
    if (f.digitHeavy[i]) offer(best, cal, "email.digits", POINTS.digits, "the address is mostly digits");
  }

  // co-occurrence, unless the group it co-occurs with turned out to be people who came back
  for (const kind of BURST_KINDS) {
    const b = x.bursts.of[kind][i];
    if (!b || groupCameBack(groupOf(outcomes, i, kind), outcomes.baseRate)) continue;
    const key = kind === "ip" ? f.ip[i] : kind === "subnet" ? f.subnet[i] : kind === "domain" ? domain : f.ua[i];
    offer(best, cal, BURST_SIGNAL[kind], b.points, burstText(b, key ?? ""));
  }

  // client
  const c = f.client[i];
  const ua = short(f.ua[i] ?? "", 50);
  if (c?.kind === "library") offer(best, cal, "client.library", POINTS.library, `signed up with "${ua}", an HTTP library or script, not a browser`);
  else if (c?.kind === "headless") offer(best, cal, "client.headless", POINTS.headless, `signed up with a headless (script-driven) browser: "${ua}"`);
  else if (c?.kind === "empty") offer(best, cal, "client.empty", POINTS.empty, "signed up without sending a user agent");
  else if (c?.kind === "bot") offer(best, cal, "client.bot", POINTS.bot, `signed up with a crawler or bot user agent: "${ua}"`);
  else if (c && isOutdated(c.engine, cal.engineMedians)) {
    const cur = c.engine ? cal.engineMedians[c.engine.name] : undefined;
    offer(best, cal, "client.outdated", POINTS.outdated, `signed up with ${c.engine?.name === "firefox" ? "Firefox" : "Chrome"} ${c.engine?.major}, while this app's users run ${cur}`);
  }

  // lifecycle
  const r = outcomes.returned[i] as number;
  const unverified = cal.verification && !u.verified && now - u.createdAt >= DAY;
  if (r === 0 && unverified) offer(best, cal, "lifecycle.noreturn", POINTS.dormant, "never came back after signing up and never verified the email");
  else if (r === 0) offer(best, cal, "lifecycle.noreturn", POINTS.noreturn, "never came back after signing up");
  // bots sign in again too: a return from the sign-up's network with its scripted client is no person's
  else if (r === SCRIPTED) offer(best, cal, "lifecycle.noreturn", unverified ? POINTS.dormant : POINTS.noreturn, `came back only from the sign-up's own network with the same scripted client${unverified ? ", and never verified the email" : ""}`);
  else if (unverified) offer(best, cal, "lifecycle.unverified", POINTS.unverified, "never verified the email address");

  // content
  const content = f.content[i];
  if (content?.kind === "link") offer(best, cal, "content.link", POINTS.link, `the display name carries a link (${short(content.match, 40)})`);
  else if (content?.kind === "contact") offer(best, cal, "content.link", POINTS.link, `the display name carries a contact handle (${short(content.match, 40)})`);
  else if (content) offer(best, cal, "content.ad", content.strength === "strong" ? POINTS.adStrong : POINTS.adWeak, `the display name advertises ("${short(content.match, 30)}")`);

  // cluster outcome: the worst-behaved group this account belongs to
  const bands = outcomeBands(outcomes.baseRate);
  for (const kind of OUTCOME_KINDS) {
    const g = groupOf(outcomes, i, kind);
    if (!g || g.members.length < MIN_GROUP || g.known < MIN_GROUP) continue;
    // A silent group only means something if chance would rarely produce it: (1 - base)^known < 1%.
    if ((1 - outcomes.baseRate) ** g.known > 0.01) continue;
    const rate = g.good / g.known;
    const points = rate <= bands.none ? POINTS.outcomeNone : rate <= bands.few ? POINTS.outcomeFew : 0;
    if (points) offer(best, cal, "cluster.outcome", points, outcomeText(g, kind === "sequence" ? x.seq.runs[x.seq.of[i] ?? -1]?.label : undefined, cal.returns));
  }

  // trust
  if (u.oauth) offer(best, cal, "trust.oauth", POINTS.oauth, "signed in with an OAuth provider");
  if (u.activeDays >= 3 && r !== SCRIPTED && (u.verified || !cal.verification)) {
    offer(best, cal, "trust.active", cal.verification ? POINTS.active : POINTS.activeOnly, `${cal.verification ? "verified and " : ""}active on ${u.activeDays} different days`);
  }

  const reasons = [...best.values()].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const total = reasons.reduce((s, r) => s + r.points, 0);
  return { score: Math.max(0, Math.min(100, total)), reasons };
}
