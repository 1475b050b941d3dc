import { Worker } from "node:worker_threads";
import type { NamingOptions } from "../db/naming";
import { UniqueRegistry } from "./identity";
import type { PresentColumns } from "./unnest";

/**
 * Seeding on several threads. One generator thread makes about 3,000 users/s at best and far less on
 * a shared machine, so 10M users took hours; the rows of one user depend only on the plan, the user's
 * place in it and the random stream, so contiguous ranges can be generated apart (lib/seed/generate.ts
 * generateShard) as long as emails and usernames stay unique across them: the registry's bitmap lives
 * in a SharedArrayBuffer that every worker claims from atomically. Each worker writes its own batches
 * with COPY (lib/seed/copy.ts); the main thread only counts.
 */
export interface ShardTask {
  url: string;
  naming: NamingOptions;
  columns: PresentColumns;
  users: number;
  seed: number;
  now: number;
  passwordHash: string;
  batchSize?: number;
  hard?: boolean;
  from: number;
  to: number;
  shard: number;
  registry: SharedArrayBuffer;
}

export interface ShardCounts {
  users: number;
  accounts: number;
  sessions: number;
}

type Job = Omit<ShardTask, "from" | "to" | "shard" | "registry">;

export async function seedInWorkers(job: Job, workers: number, claimed: readonly string[], onBatch: (c: ShardCounts) => void): Promise<void> {
  const shared = UniqueRegistry.sharedBuffer(job.users);
  const registry = new UniqueRegistry(shared);
  for (const value of claimed) registry.claim(value);
  const n = Math.max(1, Math.min(workers, Math.ceil(job.users / 5_000)));
  const running: Promise<void>[] = [];
  const started: Worker[] = [];
  for (let shard = 0; shard < n; shard++) {
    const task: ShardTask = { ...job, from: Math.floor((job.users * shard) / n), to: Math.floor((job.users * (shard + 1)) / n), shard, registry: shared };
    const w = startWorker(task);
    started.push(w);
    running.push(
      new Promise<void>((resolve, reject) => {
        w.on("message", (c: ShardCounts) => onBatch(c));
        w.on("error", reject);
        w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed worker ${shard} exited with code ${code}`))));
      }),
    );
  }
  // the first failure stops the others (their open transactions roll back)
  await Promise.all(running).catch(async (err: unknown) => {
    await Promise.all(started.map((w) => w.terminate()));
    throw err;
  });
}

/**
 * Under tsx (the scripts) the worker's module is TypeScript: the worker registers tsx's loader first.
 * Compiled, it is plain JavaScript and loads directly.
 */
function startWorker(task: ShardTask): Worker {
  const url = new URL(`./shard-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData: task });
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: task });
}
