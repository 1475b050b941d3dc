import type { Kysely } from "kysely";
import type { Capabilities } from "./introspect";
import type { Limiter } from "./limiter";
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
  /** bounds concurrent expensive queries (see limiter.ts); absent in scripts and transactions */
  heavy?: Limiter;
}

/** Runs an expensive query under the connection's limiter, if it has one. */
export const heavy = <T>(q: Q, fn: () => Promise<T>): Promise<T> => (q.heavy ? q.heavy.run(fn) : fn());
