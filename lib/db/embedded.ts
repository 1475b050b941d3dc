import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The zero-setup database: PGlite (Postgres compiled to WASM) served over the Postgres wire protocol,
 * so the dashboard uses plain `pg` and one code path whatever the database. PGlite is a single
 * session; the socket server queues queries and keeps a transaction on the connection that opened it.
 * Keep pools small (EMBEDDED_POOL_MAX) and below `maxConnections`.
 */
export const EMBEDDED_POOL_MAX = 4;

export interface Embedded {
  url: string;
  stop(): Promise<void>;
}

/** `dataDir` undefined = in memory (tests). PGlite does not create parent folders, so we do. */
export async function startEmbedded(dataDir?: string, port = 0): Promise<Embedded> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm ships inside the package (no download): the doctor's search indexes work here too.
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
