import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { createNaming } from "../db/naming";
import { copyBatch } from "./copy";
import { generateShard } from "./generate";
import { UniqueRegistry } from "./identity";
import { pipeline } from "./pipeline";
import type { ShardTask } from "./parallel";

/**
 * A worker thread of lib/seed/parallel.ts: generates its range of users and COPYs each batch on its own
 * connections, reporting row counts per batch. Rows never cross threads; only counts do.
 */
const task = workerData as ShardTask;
const naming = createNaming(task.naming);
const pool = new pg.Pool({ connectionString: task.url, max: 2 });
const batches = generateShard(
  { users: task.users, seed: task.seed, now: new Date(task.now), passwordHash: task.passwordHash, batchSize: task.batchSize, hard: task.hard },
  { from: task.from, to: task.to, shard: task.shard, registry: new UniqueRegistry(task.registry) },
);
try {
  await pipeline(batches, 2, async (batch) => {
    await copyBatch(pool, naming, task.columns, batch);
    parentPort?.postMessage({ users: batch.users.length, accounts: batch.accounts.length, sessions: batch.sessions.length });
  });
} finally {
  await pool.end();
}
