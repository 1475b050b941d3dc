import type { Q } from "../db/context";

/** A sign-in method. Tokens, id tokens and password hashes are never selected. */
export interface AccountRow {
  id: string;
  providerId: string;
  accountId: string;
  createdAt: Date;
}

export async function listUserAccounts(q: Q, userId: string): Promise<AccountRow[]> {
  return q.db
    .selectFrom("account")
    .select(["account.id", "account.providerId", "account.accountId", "account.createdAt"])
    .where("account.userId", "=", userId)
    .orderBy("account.createdAt", "asc")
    .execute();
}
