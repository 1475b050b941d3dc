import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./embedded-lock";

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

/**
 * `dataDir` undefined = in memory (tests). PGlite does not create parent folders, so we do.
 * A folder is opened by one process at a time (lockDataDir: EmbeddedLockedError otherwise);
 * `appPort` is the dashboard's HTTP port, named in the refusal a second start gets.
 */
export async function startEmbedded(dataDir?: string, port = 0, appPort: string | null = null): Promise<Embedded> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir, appPort) : null;
  let db: PGlite | undefined;
  try {
    // pg_trgm ships inside the package (no download): the doctor's search indexes work here too.
    db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
    await server.start();
    const opened = db;
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      async stop() {
        try {
          await server.stop();
          await opened.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    await db?.close().catch(() => {});
    lock?.release();
    throw err;
  }
}
