import { oauthProviders } from "./data";
import type { UniqueRegistry } from "./identity";
import { type Random, weightedTable } from "./random";
import { type AccountRow, DAY, SESSION_TTL, type SessionRow, seedId, sessionToken } from "./rows";

/** What every row builder needs; one per generator run. */
export interface Ctx {
  r: Random;
  now: number;
  reg: UniqueRegistry;
  /** one scrypt hash for every seeded credential account (hashing per user would take hours) */
  passwordHash: string;
  /** sessions an admin opened through impersonation name this staff id */
  adminId: string;
  /** running user number: makes OAuth subject ids unique without remembering them */
  userIndex: number;
}

export type OAuthProvider = "google" | "github" | "apple" | "discord";
const providers = weightedTable(oauthProviders);
export const pickProvider = (r: Random) => providers.pick(r);

export function credentialAccount(ctx: Ctx, userId: string, createdAt: number): AccountRow {
  const { r, now } = ctx;
  // a password change now and then moves updatedAt
  const updatedAt = r.chance(0.1) ? createdAt + r.next() * (now - createdAt) : createdAt;
  return { id: seedId(r), accountId: userId, providerId: "credential", userId, password: ctx.passwordHash, createdAt: new Date(createdAt), updatedAt: new Date(updatedAt) };
}

/** Provider subject ids in each provider's shape, unique through the user number. */
export function oauthSubject(ctx: Ctx, provider: OAuthProvider): string {
  const { r, userIndex: n } = ctx;
  switch (provider) {
    case "google":
      return `1${String(10_000_000 + n).padStart(9, "0")}${r.digits(11)}`;
    case "github":
      return String(1_000_000 + n * 97 + r.int(0, 96));
    case "discord":
      return `${String(100_000 + n)}${r.digits(12)}`;
    case "apple":
      return `00${String(1000 + (n % 9000))}.${r.hex(32)}.${String(1000 + r.int(0, 8999))}`;
  }
}

export function oauthAccount(ctx: Ctx, userId: string, provider: OAuthProvider, createdAt: number, subject: string): AccountRow {
  return { id: seedId(ctx.r), accountId: subject, providerId: provider, userId, password: null, createdAt: new Date(createdAt), updatedAt: new Date(createdAt) };
}

/** Avatar URLs the providers hand out (credential users mostly have none). */
export function avatarUrl(ctx: Ctx, provider: OAuthProvider, subject: string): string | null {
  const { r } = ctx;
  switch (provider) {
    case "google":
      return `https://lh3.googleusercontent.com/a/ACg8oc${r.base62(40)}=s96-c`;
    case "github":
      return `https://avatars.githubusercontent.com/u/${subject}?v=4`;
    case "discord":
      return `https://cdn.discordapp.com/avatars/${subject}/${r.hex(32)}.png`;
    case "apple":
      return null;
  }
}

export function session(ctx: Ctx, userId: string, createdAt: number, ip: string | null, ua: string | null, refreshed: boolean): SessionRow {
  const { r, now } = ctx;
  const created = Math.min(createdAt, now);
  // Better Auth moves updatedAt (and expiresAt) when a used session is older than updateAge (1 day)
  const updated = refreshed ? Math.min(now, created + DAY + r.exp(4 * DAY)) : created;
  return {
    id: seedId(r),
    token: sessionToken(r),
    expiresAt: new Date(updated + SESSION_TTL),
    createdAt: new Date(created),
    updatedAt: new Date(updated),
    ipAddress: ip,
    userAgent: ua,
    userId,
    impersonatedBy: r.chance(0.0005) ? ctx.adminId : null,
  };
}

export interface ReturnPattern {
  count: number;
  /** the person's last activity (churned users stop early) */
  activeUntil: number;
  firstIp: () => string;
  ip: () => string;
  ua: () => string;
}

/**
 * A legitimate user's sessions: the first within minutes of sign-up for most (the sign-up proxy the
 * spam score relies on), the rest spread over the time the person stayed active.
 */
export function returningSessions(ctx: Ctx, userId: string, createdAt: number, p: ReturnPattern): SessionRow[] {
  const { r, now } = ctx;
  const out: SessionRow[] = [];
  if (p.count === 0) return out;
  const first = r.chance(0.9) ? createdAt + 3_000 + r.exp(90_000) : createdAt + r.exp(2 * DAY);
  if (first > now) return out;
  out.push(session(ctx, userId, first, p.firstIp(), p.ua(), r.chance(0.35)));
  const until = Math.max(first, Math.min(now, p.activeUntil));
  for (let k = 1; k < p.count; k++) {
    out.push(session(ctx, userId, first + r.next() * (until - first), p.ip(), p.ua(), r.chance(0.45)));
  }
  return out;
}

/** Spam never comes back: one session at sign-up, a few seconds after the account was created. */
export function signupOnlySession(ctx: Ctx, userId: string, createdAt: number, ip: string, ua: string): SessionRow {
  return session(ctx, userId, createdAt + 800 + ctx.r.exp(4_000), ip, ua, false);
}
