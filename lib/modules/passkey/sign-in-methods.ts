import type { Q } from "../../db/context";
import { has } from "../../db/introspect";
import type { SignInMethodSource } from "../types";

export interface PasskeyRow {
  id: string;
  name: string | null;
  deviceType: string | null;
  createdAt: Date | null;
}

/**
 * A user's passkeys as ways to sign in (types.ts SignInMethodSource), locked with their accounts by
 * lib/accounts/sign-in-methods.ts, only where the plugin's table exists. The public key is not read.
 *   select id, name, "deviceType", "createdAt" from passkey where "userId" = $1 order by id for update
 */
async function lockPasskeys(q: Q, userId: string): Promise<PasskeyRow[]> {
  if (!has(q.caps, "passkey", "userId")) return [];
  const rows = await q.db
    .selectFrom("passkey")
    .select("passkey.id")
    .$if(has(q.caps, "passkey", "name"), (qb) => qb.select("passkey.name"))
    .$if(has(q.caps, "passkey", "deviceType"), (qb) => qb.select("passkey.deviceType"))
    .$if(has(q.caps, "passkey", "createdAt"), (qb) => qb.select("passkey.createdAt"))
    .where("passkey.userId", "=", userId)
    .orderBy("passkey.id")
    .forUpdate()
    .execute();
  return rows.map((r) => ({ name: null, deviceType: null, createdAt: null, ...r }));
}

export const passkeySignInMethods = { kind: "passkey", lock: lockPasskeys } satisfies SignInMethodSource;
