/**
 * The sentences that report what an action did, from the numbers the server returned (never from
 * what was asked: a re-run or a concurrent change can make them differ).
 */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function skippedText(skipped: { self: number; staff: number; alreadyBanned?: number }): string {
  const parts = [
    skipped.self ? "your own account" : "",
    skipped.staff ? plural(skipped.staff, "staff member") : "",
    skipped.alreadyBanned ? `${plural(skipped.alreadyBanned, "user")} already banned (their bans are kept)` : "",
  ].filter(Boolean);
  return parts.length ? `Skipped ${parts.join(" and ")}.` : "";
}

export const revokeResultText = (r: { sessionsRevoked: number; usersAffected?: number; sessionsSpared?: number }) =>
  r.usersAffected === undefined
    ? `Signed out: ${plural(r.sessionsRevoked, "session")} revoked.`
    : `${plural(r.sessionsRevoked, "session")} of ${plural(r.usersAffected, "user")} revoked.` +
      (r.sessionsSpared ? ` ${plural(r.sessionsSpared, "session")} of yours or other staff left alone.` : "");

const bulkVerbs = { ban: "Banned", unban: "Unbanned", revokeSessions: "Signed out" } as const;

export function bulkResultText(action: keyof typeof bulkVerbs, r: { usersChanged: number; sessionsRevoked: number; usersSelected: number; skipped: { self: number; staff: number; alreadyBanned?: number } }): string {
  const users = action === "revokeSessions" ? r.usersSelected : r.usersChanged;
  const sessions = action === "unban" ? "" : `; ${plural(r.sessionsRevoked, "session")} revoked`;
  return [`${bulkVerbs[action]} ${plural(users, "user")}${sessions}.`, skippedText(r.skipped)].filter(Boolean).join(" ");
}
