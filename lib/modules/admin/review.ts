import type { ReviewExit } from "../types";
import { banStatusIs, banStatusOf } from "./ban-status";

const dateOf = (v: unknown): Date | null => (v instanceof Date ? v : typeof v === "string" ? new Date(v) : null);

/**
 * The admin plugin's "out of review" state (types.ts ReviewExit): an account under a ban in force is
 * handled, so the spam queue does not list it and its wave does not count it as left. The rule is
 * Better Auth's effective ban (ban-status.ts): `banned` true (NULL, on rows written before the plugin,
 * is not a ban) and no `banExpires`, or one still ahead. An expired ban puts the account back.
 */
export const bannedReviewExit: ReviewExit = {
  reason: "banned",
  label: "Banned",
  done: "banned",
  isOut: (eb, now) => banStatusIs(eb, "banned", now),
  isOutOf: (u, now) => banStatusOf({ banned: u.banned === true ? true : null, banExpires: dateOf(u.banExpires) }, now) === "banned",
  // a ban from the user page, the users list, the queue, a wave or the API; and its lifting
  decisions: { "user.ban": true, "users.bulk.ban": true, "user.unban": false, "users.bulk.unban": false },
  // "Ban this wave": the users list's bulk ban, preset for the wave's open members
  waveAction: { id: "ban", permission: "users.bulk", load: () => import("./ui/wave-ban-action") },
};
