import type { Q } from "../db/context";
import { signInMethodSources } from "../modules";

/** A module's other ways to sign in for one user (rows of its own table), as its source locked them. */
export interface OtherMethods {
  kind: string;
  rows: readonly { id: string }[];
}

/**
 * Every way a user can sign in: their `account` rows (password, social providers) and what the
 * modules keep beside them (lib/modules `signInMethods`, each only where its table exists). Locked
 * (FOR UPDATE) because the callers remove one and must never remove the last: with the rows locked,
 * a concurrent removal waits and then counts what this one left. Secrets (tokens, hashes, public
 * keys) are not selected.
 *   select id, "providerId", "accountId" from account where "userId" = $1 order by id for update
 *   then each module's rows, in registration order, for update
 */
export async function lockSignInMethods(q: Q, userId: string) {
  const accounts = await q.db
    .selectFrom("account")
    .select(["account.id", "account.providerId", "account.accountId"])
    .where("account.userId", "=", userId)
    .orderBy("account.id")
    .forUpdate()
    .execute();
  // One after the other, in a fixed order: concurrent removals take the same locks in the same order.
  const others: OtherMethods[] = [];
  for (const source of signInMethodSources) others.push({ kind: source.kind, rows: await source.lock(q, userId) });
  return { accounts, others, total: accounts.length + others.reduce((n, o) => n + o.rows.length, 0) };
}

/** The audit's summary of the ways in: provider names, then each module's kind once per row. */
export const methods = (accounts: readonly { providerId: string }[], others: readonly OtherMethods[]) => [
  ...accounts.map((a) => a.providerId),
  ...others.flatMap((o) => o.rows.map(() => o.kind)),
];

/** `others` without one row of one kind (the method being removed). */
export const withoutMethod = (others: readonly OtherMethods[], kind: string, id: string): OtherMethods[] =>
  others.map((o) => (o.kind === kind ? { ...o, rows: o.rows.filter((r) => r.id !== id) } : o));
