import type { Q } from "../../db/context";

/** Whether the user has two-factor on (`user.twoFactorEnabled`; NULL reads as off). */
export async function hasTwoFactor(q: Q, userId: string): Promise<boolean> {
  const row = await q.db.selectFrom("user").select("user.twoFactorEnabled").where("user.id", "=", userId).executeTakeFirst();
  return row?.twoFactorEnabled === true;
}
