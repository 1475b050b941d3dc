import type { Q } from "../../db/context";
import { AppError } from "../../errors";

/** Whether the app has the organization plugin's tables (the module is on, decided by introspection). */
export const organizationsOn = (q: Pick<Q, "caps">) => q.caps.modules.has("organization");

/**
 * The organization pages, routes and actions need the plugin's tables: on a database without them
 * the module is off, and its routes answer 404 naming why rather than failing on a missing relation.
 */
export function requireOrganizations(q: Pick<Q, "caps">) {
  if (!organizationsOn(q)) {
    throw new AppError("not_found", "This app has no organizations (Better Auth's organization plugin tables are not in the database).");
  }
}
