import type { IndexSpec } from "../../doctor/indexes";
import { type Naming, quoteIdent } from "../../db/naming";
import { indexdefColumn as re } from "../../db/sql-patterns";

const col = (n: Naming, field: string) => quoteIdent(n.column("user", field));

/** The ban filter (status=banned): a partial index, so only banned rows are indexed. */
export function adminIndexes(n: Naming): IndexSpec[] {
  return [
    {
      id: "user_banned", model: "user", why: "banned filter (partial: only banned rows are indexed)",
      using: `(${col(n, "createdAt")}, ${col(n, "id")}) WHERE ${col(n, "banned")} IS TRUE`,
      equivalent: new RegExp(`WHERE \\(?${re(n, "user", "banned")}`),
    },
  ];
}
