import type { Q } from "../../db/context";
import { type BanStatus, banStatusOf } from "./ban-status";

/** One user's ban status now ("active" also for an unknown id: the page has already found the user). */
export async function userBanStatus(q: Q, userId: string, now: Date): Promise<BanStatus> {
  const row = await q.db.selectFrom("user").select(["user.banned", "user.banExpires"]).where("user.id", "=", userId).executeTakeFirst();
  return row ? banStatusOf(row, now) : "active";
}
