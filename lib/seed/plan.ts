import { botUserAgents, campusDomains, companyDomains, disposableDomains, outdatedUserAgents, spamPrefixes, spamTlds } from "./data";
import { type HardCampaign, type HardLookalike, planHard } from "./hard";
import { desktopUA, ipv4, subnet24 } from "./network";
import type { Random } from "./random";
import { DAY, HOUR, MINUTE, type SeedLabel } from "./rows";

/**
 * The dataset's groups, decided up front: spam waves and the legitimate look-alikes a spam score must
 * not flag. Each group shares traits (domain, network, user agent, time window); members are spread
 * over the whole run (see `assignment`) so no batch is all spam.
 */
type BaseCampaign = "disposable" | "gmail-farm" | "sequential" | "link-name" | "drip";
export type SpamCampaign = BaseCampaign | HardCampaign;
export type LookalikeKind = "office" | "campus" | "launch" | HardLookalike;

export interface Group {
  label: SeedLabel;
  spam: boolean;
  kind: SpamCampaign | LookalikeKind;
  size: number;
  /** members sign up in [start, start + span], in member order */
  start: number;
  span: number;
  /** shared traits; which ones are set depends on the kind */
  domains: string[];
  subnet?: string;
  ips: string[];
  uas: string[];
  mailbox?: string;
  prefix?: string;
  /** first number of a sequential wave */
  seq?: number;
  /** members emitted so far (the generator's cursor) */
  emitted: number;
}

export interface Plan {
  groups: Group[];
  /** per user index: 0 = ordinary legit user, k = member of groups[k - 1] */
  assignment: Uint16Array;
}

export const SPAN_DAYS = 730;
/** sign-ups now are this many times more frequent than two years ago */
export const GROWTH = Math.log(6);

/** A sign-up day following the product's growth (more recent = more likely), as ms since epoch. */
export function growthTime(r: Random, now: number, spanDays = SPAN_DAYS): number {
  const t = Math.log(1 + r.next() * (Math.exp(GROWTH) - 1)) / GROWTH;
  return now - spanDays * DAY + t * spanDays * DAY;
}

const SPAM_SHARE = 0.04;
/** mean size of one wave of each campaign at full scale; small datasets shrink the waves */
const FULL_ROUND = 335;
const MIN_WAVE = 6;

const sizeRange: Record<BaseCampaign, [number, number]> = {
  disposable: [40, 150],
  "gmail-farm": [30, 80],
  sequential: [30, 120],
  "link-name": [20, 80],
  drip: [42, 112],
};

/** `hard`: add the look-alikes and campaigns of lib/seed/hard.ts (the ordinary plan is drawn first, unchanged). */
export function planDataset(r: Random, users: number, now: number, hard = false): Plan {
  const groups: Group[] = [];
  if (users >= 250) {
    planSpam(r, users, now, groups);
    planLookalikes(r, users, now, groups);
    if (hard) planHard(r.fork(), users, now, groups);
  }
  const assignment = new Uint16Array(users);
  let i = 0;
  groups.forEach((g, k) => {
    for (let j = 0; j < g.size && i < users; j++) assignment[i++] = k + 1;
  });
  r.shuffle<number, Uint16Array>(assignment);
  return { groups, assignment };
}

function planSpam(r: Random, users: number, now: number, groups: Group[]) {
  const target = Math.round(users * SPAM_SHARE);
  const scale = Math.min(1, Math.max(0.12, target / FULL_ROUND));
  const kinds: BaseCampaign[] = ["disposable", "gmail-farm", "sequential", "link-name", "drip"];
  let total = 0;
  rounds: for (let round = 0; total < target; round++) {
    for (const kind of r.shuffle<BaseCampaign, BaseCampaign[]>([...kinds])) {
      // from ~1,500 users on, every campaign appears at least once; tiny datasets stop at the budget
      if (total >= target && (round > 0 || users < 1500)) break rounds;
      const [lo, hi] = sizeRange[kind];
      let size = Math.max(MIN_WAVE, Math.round(r.int(lo, hi) * scale));
      if (round > 0 && total + size > target) size = target - total;
      if (size < MIN_WAVE) break rounds;
      // the first wave of each campaign is recent, so "score the last 30 days" has something to find
      const recent = round === 0;
      groups.push(spamWave(r, kind, size, now, recent));
      total += size;
    }
  }
}

function waveStart(r: Random, now: number, span: number, recent: boolean): number {
  const start = recent ? now - r.float(2, 40) * DAY : growthTime(r, now);
  return Math.min(start, now - span - HOUR);
}

function spamWave(r: Random, kind: BaseCampaign, size: number, now: number, recent: boolean): Group {
  const base = { label: `spam:${kind}` as SeedLabel, spam: true, kind, size, emitted: 0, ips: [] as string[], domains: [] as string[] };
  switch (kind) {
    case "disposable": {
      // a kit cycling a few throwaway domains from one rented /24, one browser build
      const span = r.float(20, 120) * MINUTE;
      const domains = r.shuffle<string, string[]>([...disposableDomains]).slice(0, r.int(1, 3));
      const ua = r.chance(0.5) ? r.pick(outdatedUserAgents) : r.pick(botUserAgents.filter((u) => u.includes("Headless")));
      return { ...base, span, start: waveStart(r, now, span, recent), domains, subnet: subnet24(r), uas: [ua] };
    }
    case "gmail-farm": {
      // one real mailbox, registered again and again through Gmail's dot and +tag aliases
      const span = r.float(1, 36) * HOUR;
      const mailbox = r.pick(["johnsmith", "mariagarcia", "alexturner", "davidmiller", "kevinlee", "sarahjones", "michaelbrown", "annawhite"]) + String(r.int(0, 99));
      const ips = Array.from({ length: r.int(2, 6) }, () => ipv4(r, true));
      return { ...base, span, start: waveStart(r, now, span, recent), domains: ["gmail.com"], mailbox, ips, uas: [desktopUA(r), desktopUA(r)] };
    }
    case "sequential": {
      // prefix<n>@a-domain-registered-last-week, fired by a script from one address
      const span = r.float(5, 40) * MINUTE;
      const domain = `${r.pick(["mail", "inbox", "post", "box", "send"])}${r.alnum(r.int(3, 6))}.${r.pick(spamTlds)}`;
      const prefix = r.pick(spamPrefixes) + (r.chance(0.5) ? r.alnum(2) : "");
      return { ...base, span, start: waveStart(r, now, span, recent), domains: [domain], prefix, seq: r.int(1, 300), ips: [ipv4(r, true)], uas: [r.pick(botUserAgents.filter((u) => !u.includes("Headless")))] };
    }
    case "link-name": {
      // names are the payload: links and ad words in the display name, shown wherever the name is
      const span = r.float(1, 6) * HOUR;
      const shared = r.chance(0.5);
      return { ...base, span, start: waveStart(r, now, span, recent), subnet: shared ? subnet24(r) : undefined, uas: [desktopUA(r), r.pick(outdatedUserAgents)] };
    }
    case "drip": {
      // 1–3 a day for weeks, from anywhere: velocity rules miss it, the domains and lifecycle do not
      const span = r.int(Math.max(3, Math.round(size / 3)), Math.max(4, Math.round(size / 1.2))) * DAY;
      return { ...base, span, start: waveStart(r, now, span, recent), domains: [...disposableDomains], uas: [] };
    }
  }
}

function planLookalikes(r: Random, users: number, now: number, groups: Group[]) {
  const offices = users >= 500 ? Math.min(companyDomains.length, Math.max(1, Math.round(users / 40_000))) : 0;
  const companies = r.shuffle<string, string[]>([...companyDomains]);
  for (let k = 0; k < offices; k++) {
    // onboarding day: a working day, 8:30 local office time, everyone within the day from the office
    let day = Math.floor(growthTime(r, now - 10 * DAY, SPAN_DAYS - 10) / DAY) * DAY;
    const weekday = (day / DAY + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday === 0 || weekday === 6) day -= (weekday === 0 ? 2 : 1) * DAY;
    groups.push({
      label: "lookalike:office", spam: false, kind: "office", size: r.int(30, 60), start: day + 8.5 * HOUR, span: 8 * HOUR,
      domains: [companies[k] as string], ips: [ipv4(r)], uas: [], emitted: 0,
    });
  }
  const campuses = users >= 1000 ? Math.min(campusDomains.length, Math.max(1, Math.round(users / 150_000))) : 0;
  const unis = r.shuffle<string, string[]>([...campusDomains]);
  for (let k = 0; k < campuses; k++) {
    // a semester start: students behind the campus NAT sign up over a few weeks
    const span = r.int(3, 6) * 7 * DAY;
    const start = Math.min(growthTime(r, now), now - span - DAY);
    const size = Math.min(Math.round(users * 0.06), r.int(100, 250));
    groups.push({ label: "lookalike:campus", spam: false, kind: "campus", size, start, span, domains: [unis[k] as string], ips: [ipv4(r)], uas: [], emitted: 0 });
  }
  if (users >= 500) {
    // launch day (a press mention): many people, many networks, one day
    const day = Math.floor((now - r.int(120, 420) * DAY) / DAY) * DAY;
    groups.push({ label: "lookalike:launch", spam: false, kind: "launch", size: Math.max(20, Math.round(users * 0.025)), start: day, span: DAY, domains: [], ips: [], uas: [], emitted: 0 });
  }
}
