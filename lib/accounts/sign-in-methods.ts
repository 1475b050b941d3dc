import type { Q } from "../db/context";
import { has } from "../db/introspect";

export interface PasskeyRow {
  id: string;
  name: string | null;
  deviceType: string | null;
  createdAt: Date | null;
}

/**
 * Every way a user can sign in: their `account` rows (password, social providers) and, where the
 * passkey plugin's table exists, their passkeys. Locked (FOR UPDATE) because the callers remove one
 * and must never remove the last: with the rows locked, a concurrent removal waits and then counts
 * what this one left. Secrets (tokens, hashes, public keys) are not selected.
 *   select id, "providerId", "accountId" from account where "userId" = $1 order by id for update
 *   select id, name, "deviceType", "createdAt" from passkey where "userId" = $1 order by id for update
 */
export async function lockSignInMethods(q: Q, userId: string) {
  const accounts = await q.db
    .selectFrom("account")
    .select(["account.id", "account.providerId", "account.accountId"])
    .where("account.userId", "=", userId)
    .orderBy("account.id")
    .forUpdate()
    .execute();
  const passkeys: PasskeyRow[] = has(q.caps, "passkey", "userId") ? await lockPasskeys(q, userId) : [];
  return { accounts, passkeys, total: accounts.length + passkeys.length };
}

async function lockPasskeys(q: Q, userId: string): Promise<PasskeyRow[]> {
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

/** The audit's summary of the ways in: provider names, then one "passkey" per passkey. */
export const methods = (accounts: readonly { providerId: string }[], passkeys: readonly unknown[]) => [...accounts.map((a) => a.providerId), ...passkeys.map(() => "passkey")];
