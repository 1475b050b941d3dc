import type { Q } from "../db/context";
import { AppError } from "../errors";

/** Lists and filters over all sessions need the table; per-user views read the store instead. */
export function requireSessionTable(q: Pick<Q, "caps">) {
  if (!q.caps.sessionTable) {
    throw new AppError("conflict", "This app keeps sessions only in Redis (no session table): open a user to see and revoke their sessions.");
  }
}
