import type { Q } from "../../db/context";
import { AppError } from "../../errors";

/**
 * The organization pages, routes and actions need the plugin's tables: on a database without them
 * the module is off, and its routes answer 404 naming why rather than failing on a missing relation.
 */
export function requireOrganizations(q: Pick<Q, "caps">) {
  if (!q.caps.modules.has("organization")) {
    throw new AppError("not_found", "This app has no organizations (Better Auth's organization plugin tables are not in the database).");
  }
}
