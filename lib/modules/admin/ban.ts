import type { ModuleBan } from "../types";
import { banStatusIs, banStatusOf } from "./ban-status";

/** The admin plugin's ban as the core sees it (types.ts ModuleBan): its columns and the rule of a ban in force. */
export const adminBan: ModuleBan = {
  fields: ["banned", "banReason", "banExpires"],
  inForce: (eb, now) => banStatusIs(eb, "banned", now),
  sessionFields: { banned: "boolean", banExpires: "date" },
  inForceOf: (row, now) => banStatusOf({ banned: (row.banned as boolean | null) ?? null, banExpires: asDate(row.banExpires) }, now) === "banned",
};

/** A session's cached user may carry the end as an ISO string (cookie cache, Redis). */
const asDate = (v: unknown): Date | null => (v instanceof Date ? v : typeof v === "string" ? new Date(v) : null);
