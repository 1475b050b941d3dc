import { plural } from "@/components/moderation/plural";
import type { ModuleClient } from "../client-types";

/**
 * The admin plugin in the browser: the row menu's Ban… / Unban… dialogs, the bulk action's ban and
 * unban (the server's verbs: actions/bulk-ban.ts), the words for the users a bulk ban leaves alone,
 * and the "Banned" badge of a bulk preview's sample (from the verbs' `sample`, actions/ban-users.ts).
 */
export const adminClient = {
  id: "admin",
  rowDialogs: () => import("./ui/row-dialogs"),
  bulkActions: [
    { action: "ban", label: "Ban", button: "destructive-outline", title: "Ban users", verb: "Ban", tone: "danger", done: "Banned", endsSessions: true, fields: () => import("./ui/bulk-ban-fields") },
    { action: "unban", label: "Unban", button: "outline", title: "Unban users", verb: "Unban", tone: "primary", done: "Unbanned", endsSessions: false },
  ],
  skipped: { alreadyBanned: (n) => `${plural(n, "user")} already banned (their bans are kept)` },
  sampleBadges: (u) => (u.banned ? [{ label: "Banned", tone: "danger" }] : []),
} as const satisfies ModuleClient;
