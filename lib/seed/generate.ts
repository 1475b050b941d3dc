import type { Ctx } from "./activity";
import { hardLegitUser, hardSpamUser, isHard } from "./hard";
import { UniqueRegistry } from "./identity";
import { emptyBatch, legitUser } from "./people";
import { planDataset } from "./plan";
import { Random } from "./random";
import type { SeedBatch } from "./rows";
import { spamUser } from "./spam";
import { STAFF } from "./staff";

export type { AccountRow, SeedBatch, SeedLabel, SeedUser, SessionRow, UserRow } from "./rows";
export { SEED_ID_PREFIX } from "./rows";
export { DEMO_PASSWORD, STAFF, staffBatch } from "./staff";

export interface DatasetOptions {
  /** number of generated users (staff accounts come on top, see staffBatch) */
  users: number;
  seed: number;
  /** the dataset's "now": sign-ups span the two years before it */
  now: Date;
  /** the one password hash every generated credential account gets */
  passwordHash: string;
  /** users per batch, at most 5,000 */
  batchSize?: number;
  /** add the hard look-alikes and campaigns of lib/seed/hard.ts (the spam benchmark's data) */
  hard?: boolean;
}

/**
 * One worker's share of a dataset (lib/seed/parallel.ts): users [from, to) of the same plan, with the
 * random stream of shard `shard` and a registry shared by all shards. Shard 0 of a single shard is
 * exactly generateDataset; with several shards each user's rows come from its shard's stream, so the
 * data has the same shape and plan but is not byte-identical to the sequential run (and which shard
 * wins an address both drew depends on timing).
 */
export interface ShardOptions {
  from: number;
  to: number;
  shard: number;
  registry: UniqueRegistry;
}

export const MAX_BATCH = 5_000;

/**
 * The demo/benchmark dataset, generated lazily in batches so a million users never sit in memory at
 * once (only a hash per email/username does, to keep them unique). Pure: no I/O, same options → same
 * rows. Each user carries a `label` (legit / spam:<campaign> / lookalike:<kind>) for the spam benchmark.
 */
export function generateDataset(opts: DatasetOptions): Generator<SeedBatch, void, undefined> {
  return generateShard(opts, { from: 0, to: opts.users, shard: 0, registry: new UniqueRegistry(opts.users) });
}

export function* generateShard(opts: DatasetOptions, shard: ShardOptions): Generator<SeedBatch, void, undefined> {
  if (!Number.isInteger(opts.users) || opts.users < 0) throw new Error(`users must be a non-negative integer, not ${opts.users}`);
  const batchSize = Math.min(MAX_BATCH, Math.max(1, opts.batchSize ?? MAX_BATCH));
  const now = opts.now.getTime();
  const root = new Random(opts.seed);
  // separate streams: the plan does not shift when the per-user generation changes, and vice versa
  const plan = planDataset(root.fork(), opts.users, now, opts.hard === true);
  let r = root.fork();
  for (let k = 0; k < shard.shard; k++) r = r.fork();
  // a group's members come in order (memberTime, sequential addresses): start each cursor where the
  // users before this shard left it
  for (let i = 0; i < shard.from; i++) {
    const k = plan.assignment[i] ?? 0;
    if (k > 0) (plan.groups[k - 1] as (typeof plan.groups)[number]).emitted++;
  }
  const ctx: Ctx = {
    r,
    now,
    reg: shard.registry,
    passwordHash: opts.passwordHash,
    adminId: STAFF[0].id,
    userIndex: 0,
  };
  // no generated address or username may take a staff one
  for (const s of STAFF) ctx.reg.claim(s.email);

  let batch = emptyBatch();
  for (let i = shard.from; i < shard.to; i++) {
    ctx.userIndex = i;
    const k = plan.assignment[i] ?? 0;
    const group = k === 0 ? undefined : plan.groups[k - 1];
    const rows = group && isHard(group) ? (group.spam ? hardSpamUser(ctx, group) : hardLegitUser(ctx, group)) : group?.spam ? spamUser(ctx, group) : legitUser(ctx, group);
    batch.users.push(rows.user);
    for (const a of rows.accounts) batch.accounts.push(a);
    for (const s of rows.sessions) batch.sessions.push(s);
    if (batch.users.length === batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.users.length > 0) yield batch;
}

/** Summary of a dataset's labels without keeping rows: for tests and the spam benchmark report. */
export function countLabels(batches: Iterable<SeedBatch>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of batches) for (const u of b.users) counts.set(u.label, (counts.get(u.label) ?? 0) + 1);
  return counts;
}

/** A fixed "now" for reproducible benchmarks (the default for tests and docs). */
export const REFERENCE_NOW = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
