import type { ReviewExit } from "../types";
import { adminBan } from "./ban";

/**
 * The admin plugin's "out of review" state (types.ts ReviewExit): an account under a ban in force is
 * handled, so the spam queue does not list it and its wave does not count it as left. The rule is
 * the module's ban (ban.ts, Better Auth's effective ban): `banned` true (NULL, on rows written before
 * the plugin, is not a ban) and no `banExpires`, or one still ahead. An expired ban puts the account
 * back in the review.
 */
export const bannedReviewExit: ReviewExit = {
  reason: "banned",
  label: "Banned",
  done: "banned",
  isOut: adminBan.inForce,
  isOutOf: adminBan.inForceOf,
  // a ban from the user page, the users list, the queue, a wave or the API; and its lifting
  decisions: { "user.ban": true, "users.bulk.ban": true, "user.unban": false, "users.bulk.unban": false },
  // "Ban this wave": the users list's bulk ban, preset for the wave's open members
  waveAction: { id: "ban", permission: "users.bulk", load: () => import("./ui/wave-ban-action") },
  // "Ban selected" on the queue's ticked rows: the same bulk ban
  queueAction: { verb: "ban", label: "Ban selected", permission: "users.bulk" },
};
