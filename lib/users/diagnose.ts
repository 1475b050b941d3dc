import type { AccountRow } from "../accounts/queries";
import { rowFindings } from "../modules";
import { userFacts } from "./facts";
import type { UserRow } from "./queries";

export type FindingLevel = "blocker" | "warning" | "info" | "ok";
export interface Finding {
  level: FindingLevel;
  code: string;
  title: string;
  detail: string;
}

export interface SignInFacts {
  user: UserRow;
  accounts: AccountRow[];
  activeSessions: number;
  /** the modules that are on (`caps.modules`): theirs are the findings about a user's state and extra steps */
  on: ReadonlySet<string>;
  now: Date;
}

const DAY = 86_400_000;
const fmt = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const ago = (d: Date, now: Date) => {
  const days = Math.floor((now.getTime() - d.getTime()) / DAY);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
};

/**
 * "Why can't this user sign in?" — what the stored data shows, most serious first. Pure, so every
 * rule is unit-tested; it only reads what the dashboard may read (never hashes or tokens).
 */
export function diagnoseSignIn({ user, accounts, activeSessions, on, now }: SignInFacts): Finding[] {
  const facts = userFacts(user);
  // what the modules know of the user's state (a ban …) comes first
  const out: Finding[] = rowFindings(on, "state", facts, now);

  const providers = [...new Set(accounts.map((a) => a.providerId))];
  const social = providers.filter((p) => p !== "credential");
  if (accounts.length === 0) {
    out.push({
      level: "blocker",
      code: "no_sign_in_method",
      title: "No sign-in method",
      detail: "The user has no password and no linked provider. Only passwordless flows (magic link, email OTP) could sign them in, if the app offers them.",
    });
  } else if (!providers.includes("credential")) {
    out.push({
      level: "warning",
      code: "social_only",
      title: `Only ${social.join(", ")} sign-in`,
      detail: `There is no password on this account: email + password sign-in fails. The user must use ${social.join(" or ")}, or set a password through a reset if the app allows it.`,
    });
  }

  if (!user.emailVerified) {
    out.push({
      level: "warning",
      code: "email_unverified",
      title: "Email not verified",
      detail: "If the app sets requireEmailVerification, password sign-in is refused until the address is verified (a new verification email is sent on each attempt).",
    });
  }

  // extra steps a module adds to signing in (a second factor …)
  out.push(...rowFindings(on, "method", facts, now));

  if (activeSessions > 0) {
    out.push({
      level: "ok",
      code: "active_session",
      title: `${activeSessions} active session${activeSessions === 1 ? "" : "s"}`,
      detail: `Signed in somewhere${user.lastActiveAt ? `, last active ${ago(user.lastActiveAt, now)}` : ""}.`,
    });
  } else if (user.keptActivity) {
    const k = user.keptActivity;
    out.push({
      level: "info",
      code: "no_session_now",
      title: "No session now",
      detail: `Last active ${ago(k.lastActive, now)} (${fmt(k.lastActive)}), kept when sessions were ended by ${k.action} on ${fmt(k.endedAt)}. The user has to sign in again.`,
    });
  } else if (user.lastActiveAt) {
    out.push({
      level: "info",
      code: "inactive",
      title: `No session for ${Math.max(0, Math.floor((now.getTime() - user.lastActiveAt.getTime()) / DAY))} days`,
      detail: `Last active ${ago(user.lastActiveAt, now)} (${fmt(user.lastActiveAt)}); all sessions have expired, so the user has to sign in again.`,
    });
  } else {
    out.push({
      level: "info",
      code: "no_session_recorded",
      title: "No session recorded",
      // Not "never signed in": bans and revokes delete sessions, Better Auth deletes expired ones.
      detail: "No session row is left and no record kept a last activity: the user may never have signed in, or their sessions expired, were deleted, or live only in a secondary store.",
    });
  }

  if (!out.some((f) => f.level === "blocker" || f.level === "warning")) {
    out.unshift({ level: "ok", code: "nothing_blocking", title: "Nothing in the data blocks sign-in", detail: "Check the password (a reset link), the app's logs and rate limits next." });
  }
  const rank: Record<FindingLevel, number> = { blocker: 0, warning: 1, info: 2, ok: 3 };
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}
