import type { UserFacts, UserRowPart } from "../types";
import { banStatusOf } from "./ban-status";

/**
 * The ban on every user row the core reads (types.ts UserRowPart): the columns, the API's and the
 * export's keys (kept whether the plugin is on or off: nulls read as "not banned"), the list's
 * badges, the row menu's Ban / Unban and the sign-in diagnosis' finding.
 */
const fmt = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const dateOf = (v: unknown): Date | null => (v instanceof Date ? v : typeof v === "string" ? new Date(v) : null);
const textOf = (v: unknown): string | null => (typeof v === "string" ? v : null);
const statusOf = (u: UserFacts, now: Date) => banStatusOf({ banned: u.banned === true ? true : u.banned === false ? false : null, banExpires: dateOf(u.banExpires) }, now);

export const adminUserRow = {
  fields: ["banned", "banReason", "banExpires"],
  // The API's `banned` is the effective status (an expired ban is not a ban).
  api: (u, now) => ({ banned: statusOf(u, now) === "banned", banReason: textOf(u.banReason), banExpires: dateOf(u.banExpires)?.toISOString() ?? null }),
  exportColumns: [
    { header: "status", cell: (u, now) => statusOf(u, now) },
    { header: "banReason", cell: (u) => textOf(u.banReason) },
    { header: "banExpires", cell: (u) => dateOf(u.banExpires) },
  ],
  // An expired ban is shown apart from a live one: Better Auth only lifts it at the next sign-in, so
  // the row still says banned, but nothing blocks the user.
  badges: (u, now) => {
    const status = statusOf(u, now);
    const reason = textOf(u.banReason);
    const until = dateOf(u.banExpires);
    if (status === "banned") return [{ label: "Banned", tone: "danger", title: [reason ? `Reason: ${reason}` : "No reason recorded", until ? `until ${fmt(until)}` : "permanent"].join(", ") }];
    if (status === "expired") return [{ label: "Ban expired", tone: "neutral", ...(until ? { title: `Ban ended ${fmt(until)}` } : {}) }];
    return [];
  },
  findings: {
    at: "state",
    of: (u, now) => {
      const status = statusOf(u, now);
      const reason = textOf(u.banReason);
      const until = dateOf(u.banExpires);
      if (status === "banned") {
        const why = `${reason ? `Reason: “${reason}”. ` : "No reason recorded. "}${until ? `Until ${fmt(until)}.` : "Permanent."}`;
        return [{ level: "blocker", code: "banned", title: "Banned", detail: `${why} Better Auth refuses every new session while the ban lasts.` }];
      }
      if (status === "expired" && until) {
        return [{ level: "info", code: "ban_expired", title: "Ban expired", detail: `A ban ended ${fmt(until)}. Better Auth lifts it at the next sign-in; nothing blocks the user.` }];
      }
      return [];
    },
  },
  menu: [
    { dialog: "unban", label: "Unban…", permission: "users.ban", when: (u, now) => statusOf(u, now) === "banned" },
    { dialog: "ban", label: "Ban…", permission: "users.ban", destructive: true, when: (u, now) => statusOf(u, now) !== "banned" },
  ],
} as const satisfies UserRowPart;
