import { credentialAccount, type Ctx, oauthAccount, oauthSubject, returningSessions, session, signupOnlySession } from "./activity";
import { botUserAgents } from "./data";
import { claimFree, localPartFromName, uniqueEmail } from "./identity";
import { randomPerson } from "./names";
import { devicesFor, homeIp, inSubnet, ipv4, sessionIp, subnet24 } from "./network";
import { adminColumns, legitSignupTime, memberTime, type UserRows } from "./people";
import { GROWTH, type Group, growthTime, SPAN_DAYS } from "./plan";
import type { Random } from "./random";
import { DAY, HOUR, MINUTE, type SeedUser, seedId } from "./rows";

/**
 * Data that does not flatter the spam engine (issue 12), generated only when asked (`hard: true`;
 * the benchmark does): legitimate users who look like spam to a naive score, and campaigns built to
 * defeat it. The ordinary dataset stays byte-for-byte what it was.
 *
 * Look-alikes (legitimate):
 *   relay           Apple's private relay and DuckDuckGo addresses: random-looking local parts
 *   numeric         numeric mailboxes (QQ numbers, phone numbers at 163.com)
 *   native          the app's own Android client (okhttp), steady over the whole history
 *   shared-mailbox  different people of one household sharing a mailbox through +tags, weeks apart
 * Campaigns (spam):
 *   returning       a kit that keeps its sessions: signs in again from its datacenter with its client
 *   big-wave        one burst worth 30–50% of a month's sign-ups, recent or up to a year old
 */
export type HardLookalike = "relay" | "numeric" | "native" | "shared-mailbox";
export type HardCampaign = "returning" | "big-wave";
const HARD_KINDS = new Set<string>(["relay", "numeric", "native", "shared-mailbox", "returning", "big-wave"]);
export const isHard = (g: Group) => HARD_KINDS.has(g.kind);

/** Share of all sign-ups between `ageTo` and `ageFrom` days ago (the growth curve of plan.ts). */
function shareBetween(ageFrom: number, ageTo: number): number {
  const pos = (age: number) => Math.min(1, Math.max(0, 1 - age / SPAN_DAYS));
  return (Math.exp(GROWTH * pos(ageTo)) - Math.exp(GROWTH * pos(ageFrom))) / (Math.exp(GROWTH) - 1);
}

export function planHard(r: Random, users: number, now: number, groups: Group[]): void {
  if (users < 1000) return;
  const spread = (kind: HardLookalike, share: number) => groups.push({
    label: `lookalike:${kind}`, spam: false, kind, size: Math.round(users * share), start: now - SPAN_DAYS * DAY, span: SPAN_DAYS * DAY, domains: [], ips: [], uas: [], emitted: 0,
  });
  spread("relay", 0.015);
  spread("numeric", 0.01);
  spread("native", 0.08);
  // households: 2–4 people on one mailbox, signing up weeks apart
  const households = Math.round((users * 0.004) / 3);
  for (let k = 0; k < households; k++) {
    const span = r.float(30, 240) * DAY;
    const start = Math.min(growthTime(r, now), now - span - DAY);
    const person = randomPerson(r);
    const mailbox = `${localPartFromName(r, "the", person.last)}${r.int(10, 99)}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
    groups.push({ label: "lookalike:shared-mailbox", spam: false, kind: "shared-mailbox", size: r.int(2, 4), start, span, domains: ["gmail.com"], mailbox, ips: [homeIp(r)], uas: [], emitted: 0 });
  }
  // kits that keep their sessions: a few waves over the history, one recent
  const scale = Math.min(1, Math.max(0.2, users / 100_000));
  for (let k = 0; k < 4; k++) {
    const span = r.float(2, 48) * HOUR;
    const start = Math.min(k === 0 ? now - r.float(3, 25) * DAY : growthTime(r, now), now - span - HOUR);
    const ua = r.chance(0.5) ? r.pick(botUserAgents.filter((u) => u.includes("Headless"))) : "okhttp/4.9.2";
    groups.push({ label: "spam:returning", spam: true, kind: "returning", size: Math.max(20, Math.round(r.int(60, 160) * scale)), start, span, domains: [], subnet: subnet24(r), ips: [], uas: [ua], emitted: 0 });
  }
  // the waves that used to switch calibration off: 30–50% of the month they land in
  for (const age of [r.float(4, 25), r.float(60, 365)]) {
    const month = users * shareBetween(age + 15, Math.max(0, age - 15));
    const span = r.float(12, 60) * HOUR;
    groups.push({
      label: "spam:big-wave", spam: true, kind: "big-wave", size: Math.round(month * r.float(0.3, 0.5)), start: now - age * DAY, span,
      domains: [], subnet: subnet24(r), ips: [], uas: [r.pick(botUserAgents.filter((u) => u.includes("Headless")))], emitted: 0,
    });
  }
}

const words = ["quiet", "mouse", "amber", "river", "lunar", "maple", "cobalt", "pixel", "tiger", "ember", "frost", "sable", "olive", "delta", "cedar", "brisk"];

export function hardLegitUser(ctx: Ctx, g: Group): UserRows {
  const { r, now, reg } = ctx;
  const id = seedId(r);
  const person = randomPerson(r);
  const spread = g.kind !== "shared-mailbox";
  const createdAt = spread ? legitSignupTime(r, now) : memberTime(r, g);
  const draw = () =>
    g.kind === "relay" ? (r.chance(0.6) ? `${r.alnum(10).toLowerCase()}@privaterelay.appleid.com` : `${r.pick(words)}.${r.pick(words)}.${r.alnum(3).toLowerCase()}@duck.com`)
    : g.kind === "numeric" ? (r.chance(0.6) ? `${r.int(10_000, 3_999_999_999)}@qq.com` : `1${r.int(30, 99)}${String(r.int(0, 99_999_999)).padStart(8, "0")}@163.com`)
    : `${g.mailbox}+${r.pick([person.first.toLowerCase().replace(/[^a-z]/g, ""), r.alnum(4).toLowerCase()])}@gmail.com`;
  const email =
    g.kind === "native" ? uniqueEmail(r, reg, person.first, person.last, r.pick(["gmail.com", "gmail.com", "outlook.com", "yahoo.com"]), 0).email : claimFree(reg, draw);
  const apple = g.kind === "relay" && email.endsWith("appleid.com") && r.chance(0.7);
  const accounts = [credentialAccount(ctx, id, createdAt)];
  if (apple) accounts.push(oauthAccount(ctx, id, "apple", createdAt, oauthSubject(ctx, "apple")));
  const verified = r.chance(0.88);
  const admin = adminColumns(r, now, createdAt);
  const user: SeedUser = {
    id, name: person.name, email, emailVerified: verified, image: null,
    createdAt: new Date(createdAt), updatedAt: new Date(verified ? createdAt + r.exp(10 * MINUTE) : createdAt),
    role: admin.role, banned: admin.banned, banReason: null, banExpires: null, username: null, displayUsername: null, twoFactorEnabled: false,
    label: g.label,
  };
  const devices = devicesFor(r);
  const okhttp = `okhttp/4.${r.int(9, 12)}.${r.int(0, 3)}`;
  const ua = g.kind === "native" ? () => okhttp : () => r.pick(devices.uas);
  const home = g.kind === "shared-mailbox" && r.chance(0.6) ? (g.ips[0] as string) : devices.home;
  const anywhere = () => (r.chance(0.7) ? home : sessionIp(r, devices));
  const churned = r.chance(0.45);
  const activeUntil = churned ? createdAt + (now - createdAt) * r.next() ** 1.5 : now;
  const sessions = returningSessions(ctx, id, createdAt, { count: 1 + Math.floor(r.exp(2.5)), activeUntil, firstIp: anywhere, ip: anywhere, ua });
  return { user, accounts, sessions };
}

export function hardSpamUser(ctx: Ctx, g: Group): UserRows {
  const { r, now, reg } = ctx;
  const id = seedId(r);
  const createdAt = memberTime(r, g);
  const person = randomPerson(r);
  // (the loop used to start from "", which the first member of a dataset claimed as its address)
  const draw = (k: number) =>
    k > 20 ? `${r.alnum(12)}@gmail.com` : `${localPartFromName(r, person.first, person.last)}${r.int(1, 9999)}@${r.pick(["gmail.com", "outlook.com", "yahoo.com", "hotmail.com"])}`.toLowerCase();
  const email = claimFree(reg, draw);
  const subnet = g.subnet ?? "185.0.0.";
  const ua = g.uas[0] ?? "";
  const user: SeedUser = {
    id, name: person.name, email, emailVerified: r.chance(g.kind === "returning" ? 0.3 : 0.04), image: null,
    createdAt: new Date(createdAt), updatedAt: new Date(createdAt), role: "user", banned: false, banReason: null, banExpires: null,
    username: null, displayUsername: null, twoFactorEnabled: false, label: g.label,
  };
  const sessions = [signupOnlySession(ctx, id, createdAt, inSubnet(r, subnet), ua)];
  if (g.kind === "returning") {
    // the kit keeps its cookies and signs in again, from its own datacenter with its own client
    for (let k = r.int(1, 4); k > 0; k--) {
      const at = createdAt + r.float(0.6, 20) * DAY;
      if (at < now) sessions.push(session(ctx, id, at, r.chance(0.85) ? inSubnet(r, subnet) : ipv4(r, true), ua, r.chance(0.5)));
    }
  }
  return { user, accounts: [credentialAccount(ctx, id, createdAt)], sessions };
}
