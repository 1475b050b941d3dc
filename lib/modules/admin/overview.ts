import type { OverviewFigureSource } from "../types";
import { adminBan } from "./ban";

/**
 * The overview's "Banned": users under a ban in force, linked to the list's status filter. The
 * doctor's partial index on the ban's end (indexes.ts, `user_banned`) answers it from the index alone:
 *   select count(*) from user where banned and (banExpires is null or banExpires > $now)
 */
export const adminOverviewFigures: readonly OverviewFigureSource[] = [
  {
    id: "banned",
    label: "Banned",
    href: "/users?status=banned",
    async read(q, now) {
      const r = await q.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).where((eb) => adminBan.inForce(eb, now)).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  },
];
