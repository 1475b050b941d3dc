import { avatarUrl, credentialAccount, type Ctx, oauthAccount, oauthSubject, pickProvider, returningSessions } from "./activity";
import { legitBanReasons } from "./data";
import { pickDomain, uniqueEmail, uniqueUsername } from "./identity";
import { randomPerson } from "./names";
import { devicesFor, ipv4, sessionIp } from "./network";
import { growthTime, type Group } from "./plan";
import type { Random } from "./random";
import { type AccountRow, DAY, HOUR, MINUTE, type SeedBatch, type SeedUser, type SessionRow, seedId } from "./rows";

export interface UserRows {
  user: SeedUser;
  accounts: AccountRow[];
  sessions: SessionRow[];
}

/** Sign-ups by hour of day (UTC, a worldwide audience): quiet at night in Europe and the Americas. */
const hourWeights = [3, 2.5, 2, 2, 2.5, 3, 4, 5, 6, 6.5, 7, 7, 7.5, 8, 8.5, 8.5, 8, 8, 7.5, 7, 6.5, 5.5, 4.5, 3.5];
const hourTotal = hourWeights.reduce((a, b) => a + b, 0);

/** Growth over two years, fewer sign-ups at weekends, a daily rhythm. */
export function legitSignupTime(r: Random, now: number): number {
  for (;;) {
    const day = Math.floor(growthTime(r, now) / DAY) * DAY;
    const weekday = (day / DAY + 4) % 7; // 0 = Sunday
    if ((weekday === 0 || weekday === 6) && r.chance(0.22)) continue;
    let x = r.next() * hourTotal;
    let hour = 0;
    while (hour < 23 && x >= (hourWeights[hour] as number)) x -= hourWeights[hour++] as number;
    const t = day + hour * HOUR + r.next() * HOUR;
    if (t < now) return t;
  }
}

/** Position of the next member inside the group's window: members come in order, with jitter. */
export function memberTime(r: Random, g: Group): number {
  const j = g.emitted++;
  return g.start + (g.span * (j + r.next())) / g.size;
}

/**
 * The admin plugin was added ~14 months ago: older rows were written without its columns, so they
 * hold NULL role (and sometimes NULL banned) — the case the dashboard must treat as "not banned".
 */
export function adminColumns(r: Random, now: number, createdAt: number): Pick<SeedUser, "role" | "banned"> {
  const beforePlugin = createdAt < now - 420 * DAY;
  if (!beforePlugin) return { role: "user", banned: false };
  return { role: r.chance(0.8) ? null : "user", banned: r.chance(0.12) ? null : false };
}

export function legitUser(ctx: Ctx, group: Group | undefined): UserRows {
  const { r, now, reg } = ctx;
  const id = seedId(r);
  const person = randomPerson(r);
  const createdAt = group ? memberTime(r, group) : legitSignupTime(r, now);
  const onOwnDomain = group?.kind === "office" || group?.kind === "campus";
  const domain = onOwnDomain ? (group.domains[0] as string) : pickDomain(r, person.region);
  const { email, plusTag } = uniqueEmail(r, reg, person.first, person.last, domain, group ? 0 : 0.025);
  const label = group ? group.label : plusTag ? "lookalike:plustag" : "legit";

  // sign-in methods: ~60% password, the rest OAuth, some both (Google Workspace at the office)
  const m = r.next();
  const office = group?.kind === "office";
  const hasPassword = office ? m < 0.4 : m < 0.6 || m >= 0.9;
  const hasOAuth = office ? m >= 0.4 : m >= 0.6;
  const accounts: AccountRow[] = [];
  let image: string | null = null;
  if (hasPassword) accounts.push(credentialAccount(ctx, id, createdAt));
  if (hasOAuth) {
    const provider = office ? "google" : pickProvider(r);
    const subject = oauthSubject(ctx, provider);
    // "both": an OAuth login linked later to an existing password account
    const linkedAt = hasPassword ? Math.min(now, createdAt + r.exp(60 * DAY)) : createdAt;
    accounts.push(oauthAccount(ctx, id, provider, linkedAt, subject));
    image = avatarUrl(ctx, provider, subject);
  }
  const verified = onOwnDomain || hasOAuth ? r.chance(0.97) : r.chance(0.78);

  let updatedAt = verified ? createdAt + r.exp(10 * MINUTE) : createdAt;
  if (r.chance(0.25)) updatedAt = createdAt + r.next() * (now - createdAt); // a later profile edit
  const admin = adminColumns(r, now, createdAt);
  let banned = admin.banned;
  let banReason: string | null = null;
  let banExpires: Date | null = null;
  const ban = r.next();
  if (!group && ban < 0.0065) {
    // banUser deletes every session and new ones cannot be created, so banned users have none;
    // an expired ban is only lifted at the next sign-in, so those rows still say banned = true
    const duration = r.int(1, 30) * DAY;
    const expired = ban < 0.0025 && now - createdAt > duration + DAY;
    const bannedAt = createdAt + r.next() * (now - createdAt - (expired ? duration : 0));
    banned = true;
    banReason = r.pick(legitBanReasons);
    const until = expired ? bannedAt + duration : ban < 0.0045 ? now + r.int(1, 90) * DAY : null;
    banExpires = until === null ? null : new Date(until);
    updatedAt = bannedAt;
  }
  updatedAt = Math.min(Math.max(updatedAt, createdAt), now);

  const named = r.chance(0.3) ? uniqueUsername(r, reg, person.first, person.last) : null;
  const user: SeedUser = {
    id, name: person.name, email, emailVerified: verified, image,
    createdAt: new Date(createdAt), updatedAt: new Date(updatedAt),
    role: admin.role, banned, banReason, banExpires,
    username: named?.username ?? null, displayUsername: named?.displayUsername ?? null,
    twoFactorEnabled: hasPassword && r.chance(0.07),
    label,
  };
  const sessions = banned ? [] : legitSessions(ctx, id, createdAt, group);
  return { user, accounts, sessions };
}

function legitSessions(ctx: Ctx, userId: string, createdAt: number, group: Group | undefined): SessionRow[] {
  const { r, now } = ctx;
  const devices = devicesFor(r);
  const ua = () => r.pick(devices.uas);
  const anywhere = () => sessionIp(r, devices);
  const churned = r.chance(0.5);
  const activeUntil = churned ? createdAt + (now - createdAt) * r.next() ** 1.5 : now;
  if (group?.kind === "office" || group?.kind === "campus") {
    // people at the office/campus come back often and mostly from the shared address
    const shared = group.ips[0] as string;
    const count = group.kind === "office" ? r.int(6, 20) : r.int(3, 15);
    const ip = () => (r.chance(0.7) ? shared : anywhere());
    return returningSessions(ctx, userId, createdAt, { count, activeUntil: group.kind === "office" || !churned ? now : activeUntil, firstIp: () => shared, ip, ua });
  }
  const x = r.next();
  const count = x < 0.07 ? 0 : x < 0.11 ? r.int(10, 45) : 1 + Math.floor(r.exp(1.7));
  const firstIp = group?.kind === "launch" ? () => ipv4(r) : anywhere;
  return returningSessions(ctx, userId, createdAt, { count, activeUntil, firstIp, ip: anywhere, ua });
}

export function emptyBatch(): SeedBatch {
  return { users: [], accounts: [], sessions: [] };
}
