import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type ModelName, modelNames } from "../modules";
import { type Capabilities, introspect } from "./introspect";
import { registerCloser } from "./closers";
import { Limiter } from "./limiter";
import { NameMappingPlugin } from "./name-mapping-plugin";
import type { Naming } from "./naming";
import type { DB } from "./schema";

// Postgres `timestamp without time zone` columns (Drizzle's default) would otherwise be read in the
// server's local zone; Better Auth writes UTC.
pg.types.setTypeParser(1114, (v) => new Date(`${v.replace(" ", "T")}Z`));

export interface Database {
  /** logical names in, physical names out (see NameMappingPlugin) */
  db: Kysely<DB>;
  /** plain Kysely on the same pool: Better Auth does its own name mapping; also for information_schema */
  authDb: Kysely<any>;
  pool: pg.Pool;
  naming: Naming;
  caps: Capabilities;
  heavy: Limiter;
  close(): Promise<void>;
}

export interface OpenOptions {
  url: string;
  naming: Naming;
  poolMax: number;
  statementTimeoutMs: number;
  /** how long to wait for a connection (a new one, or a free one from the pool); default 3 s */
  connectTimeoutMs?: number;
  /** skip the schema check (migrations and seeding run before the tables exist) */
  introspect?: boolean;
  /**
   * The capabilities of this schema, already introspected by another pool on it (the overview's
   * read at start takes the shared pool's): no second introspection.
   */
  caps?: Capabilities;
  /** the app's sessions are reachable in a store (REDIS_URL): a missing session table is fine */
  sessionsInStore?: boolean;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

export function createPool(url: string, max: number, statementTimeoutMs: number, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): pg.Pool {
  // A request that cannot get a connection (database down, stalled network, pool exhausted) fails
  // in a few seconds with a 503 (lib/errors.ts isUnavailable), instead of hanging: pg's timer covers
  // the TCP connect and the start-up handshake, pg-pool's the wait for a free client.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: connectTimeoutMs });
  // An IDLE client whose server went away (restart, failover, pg_terminate_backend: 57P01) is
  // reported here; without a listener Node treats it as an unhandled 'error' and the process exits.
  // The pool has already discarded that client; the next request opens a new one (or gets a 503).
  pool.on("error", (err) => {
    console.warn("database: an idle connection was closed by the server:", err.message);
  });
  // A startup `options` parameter is ignored by some servers (PGlite, poolers); SET works everywhere.
  pool.on("connect", (client) => {
    // A client IN USE whose connection dies (server restart, proxy reset) emits 'error' too, and
    // pg-pool listens only while a client is idle: without this the process dies of an uncaught
    // exception. The query running on it has already failed with the same error (→ 503).
    client.on("error", (err) => console.warn("database: a connection in use was lost:", err.message));
    client.query(`set statement_timeout = ${Math.floor(statementTimeoutMs)}`).catch(() => {});
  });
  return pool;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const pool = createPool(opts.url, opts.poolMax, opts.statementTimeoutMs, opts.connectTimeoutMs);
  const dialect = new PostgresDialect({ pool });
  const db = new Kysely<DB>({ dialect, plugins: [new NameMappingPlugin(opts.naming)] });
  // Better Auth applies the schema itself (`database.schemaName`), so it gets Kysely without plugins.
  const authDb = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    await pool.end();
  };
  const unregister = registerCloser(close);
  try {
    const caps = opts.caps ?? (opts.introspect === false ? emptyCaps() : await introspect(authDb, opts.naming, { sessionsInStore: opts.sessionsInStore }));
    // Half the pool at most for expensive queries: the other half always serves cheap ones.
    const heavy = new Limiter(Math.max(1, Math.floor(opts.poolMax / 2)));
    return { db, authDb, pool, naming: opts.naming, caps, heavy, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function emptyCaps(): Capabilities {
  return {
    modules: new Set(),
    columns: Object.fromEntries(modelNames.map((m) => [m, new Set<string>()])) as Record<ModelName, Set<string>>,
    idType: "text",
    audit: false,
    searchIndexed: false,
    emailByteOrder: false,
    sessionTable: true,
  };
}
