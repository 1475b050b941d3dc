import type { Kysely } from "kysely";
import type { Capabilities } from "./introspect";
import type { Naming } from "./naming";
import type { DB } from "./schema";

/**
 * What a query function receives first: the connection (or a transaction), the name mapping and the
 * detected capabilities. Query modules import nothing from next/* and check no permissions.
 */
export interface Q {
  db: Kysely<DB>;
  naming: Naming;
  caps: Capabilities;
}
