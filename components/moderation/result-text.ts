import { bulkActionView, moduleSkipWords } from "./bulk-action-views";
import { plural } from "./plural";

/**
 * The sentences that report what an action did, from the numbers the server returned (never from
 * what was asked: a re-run or a concurrent change can make them differ).
 */
export { plural };

/** Who was left alone: the staff protections, then what each module's verb skips (in its words). */
export function skippedText(skipped: { self: number; staff: number; [verbSkip: string]: number | undefined }): string {
  const parts = [
    skipped.self ? "your own account" : "",
    skipped.staff ? plural(skipped.staff, "staff member") : "",
    ...moduleSkipWords.map(([key, words]) => (skipped[key] ? words(skipped[key]) : "")),
  ].filter(Boolean);
  return parts.length ? `Skipped ${parts.join(" and ")}.` : "";
}

export const revokeResultText = (r: { sessionsRevoked: number; usersAffected?: number; sessionsSpared?: number }) =>
  r.usersAffected === undefined
    ? `Signed out: ${plural(r.sessionsRevoked, "session")} revoked.`
    : `${plural(r.sessionsRevoked, "session")} of ${plural(r.usersAffected, "user")} revoked.` +
      (r.sessionsSpared ? ` ${plural(r.sessionsSpared, "session")} of yours or other staff left alone.` : "");

/** "Signed out 3 users; 5 sessions revoked. Skipped …", in the words of the verb (components/moderation/bulk-action-views.ts). */
export function bulkResultText(action: string, r: { usersChanged: number; sessionsRevoked: number; usersSelected: number; skipped: { self: number; staff: number; [verbSkip: string]: number | undefined } }): string {
  const view = bulkActionView(action);
  const users = view?.countsSelected ? r.usersSelected : r.usersChanged;
  const sessions = view?.endsSessions === false ? "" : `; ${plural(r.sessionsRevoked, "session")} revoked`;
  return [`${view?.done ?? action} ${plural(users, "user")}${sessions}.`, skippedText(r.skipped)].filter(Boolean).join(" ");
}
