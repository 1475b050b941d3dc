import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";
import { AppError, badRequest } from "../errors";

/**
 * A preview's signed fingerprint, so a confirmation acts on what was previewed. The dashboard stores
 * nothing, so the token carries its own proof: HMAC-SHA256 (key derived from BETTER_AUTH_SECRET)
 * over the action, the actor, the canonical scope, the count the preview showed and when it was
 * taken. The confirm sends it back; the server recomputes the selection (locked, in the action's
 * transaction) and refuses when anything differs or the token is older than SCOPE_TOKEN_TTL_MS.
 *
 *   token = "<count>.<takenAtMs>.<base64url mac>"
 */
export const SCOPE_TOKEN_TTL_MS = 10 * 60_000;

export interface ScopeClaim {
  /** e.g. "users.bulk.ban", "sessions.revoke.filter" */
  action: string;
  actorId: string;
  /** the selection, any JSON value; canonicalised before signing */
  scope: unknown;
}

/** JSON with sorted keys and no undefined members: the same selection always signs the same. */
export function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A key of its own (domain separation): a scope token can never pass for a Better Auth signature. */
function scopeKey(secret = getConfig().secret): Buffer {
  if (!secret) throw new AppError("conflict", "BETTER_AUTH_SECRET is not set: previews cannot be signed, so filtered and everyone-wide actions are unavailable.");
  return createHmac("sha256", secret).update("better-auth-admin scope token v1").digest();
}

function mac(claim: ScopeClaim, count: number, takenAt: number, secret?: string): Buffer {
  return createHmac("sha256", scopeKey(secret))
    .update(canonical({ action: claim.action, actor: claim.actorId, scope: claim.scope, count, takenAt }))
    .digest();
}

export function signScope(claim: ScopeClaim, count: number, now: Date, secret?: string): string {
  const takenAt = now.getTime();
  return `${count}.${takenAt}.${mac(claim, count, takenAt, secret).toString("base64url")}`;
}

/**
 * Refuses (409) a token that was not issued for this action, actor and scope, is older than the
 * window, or previewed another count than `count` now. A missing token is a 400: preview first.
 * `allowFewer`: sessions expire and sign out by themselves between preview and confirm, so a live
 * session count may shrink; it may never grow (that would end sessions nobody previewed).
 */
export function verifyScope(token: string | undefined, claim: ScopeClaim, count: number, now: Date, opts: { allowFewer?: boolean; secret?: string } = {}): void {
  const { secret } = opts;
  if (!token) throw badRequest("scopeToken: preview this action first (dryRun: true) and send back the scopeToken it returns");
  const m = /^(\d{1,12})\.(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!m) throw badRequest("scopeToken: malformed; preview again");
  const previewed = Number(m[1]);
  const takenAt = Number(m[2]);
  const given = Buffer.from(m[3] ?? "", "base64url");
  const expected = mac(claim, previewed, takenAt, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("conflict", "scopeToken: this preview was made for another selection, action or staff member: preview again");
  }
  const age = now.getTime() - takenAt;
  if (age > SCOPE_TOKEN_TTL_MS || age < -60_000) throw new AppError("conflict", "scopeToken: the preview is more than 10 minutes old: preview again");
  if (count > previewed || (count < previewed && !opts.allowFewer)) {
    throw new AppError("conflict", `The selection changed since the preview (${previewed} then, ${count} now): preview again`);
  }
}
