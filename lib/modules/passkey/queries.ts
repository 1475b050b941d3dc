import type { Q } from "../../db/context";
import { has } from "../../db/introspect";

/**
 * What staff see of a passkey: which device, when it was added, whether it is synced (backed up).
 * The public key, the signature counter and the transports are of no use to staff and are never
 * selected; the credential id is not a secret, but nothing here needs it either.
 */
export interface PasskeyItem {
  id: string;
  name: string | null;
  deviceType: string;
  backedUp: boolean;
  createdAt: Date | null;
}

/** A user's passkeys, newest first (bounded: a user with more than `limit` shows the newest). */
export async function listUserPasskeys(q: Q, userId: string, limit = 50): Promise<PasskeyItem[]> {
  // name and createdAt are optional in the plugin's schema: read them when the columns exist.
  const optional = (["name", "createdAt"] as const).filter((f) => has(q.caps, "passkey", f));
  const rows = await q.db
    .selectFrom("passkey")
    .select(["passkey.id", "passkey.deviceType", "passkey.backedUp", ...optional.map((f) => `passkey.${f}` as const)])
    .where("passkey.userId", "=", userId)
    .$if(optional.includes("createdAt"), (qb) => qb.orderBy("passkey.createdAt", "desc"))
    .orderBy("passkey.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const row = r as typeof r & { name?: string | null; createdAt?: Date | null };
    return { id: row.id, name: row.name ?? null, deviceType: row.deviceType, backedUp: row.backedUp, createdAt: row.createdAt ?? null };
  });
}
