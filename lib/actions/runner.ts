import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type * as z from "zod";
import { insertAudit, logAudit } from "../audit/write";
import { runCommitHooks } from "../commit-hooks";
import type { AuditDraft, AuditRecord } from "../audit/types";
import { can, type Permission } from "../auth/permissions";
import type { StaffRole } from "../auth/roles";
import type { Staff } from "../auth/staff";
import type { AppAuthConfig } from "../config";
import type { Database } from "../db/open";
import type { DB } from "../db/schema";
import { AppError, badRequest, invalidInputError } from "../errors";
import { assertStorable } from "../input-guard";
import type { RevokeEnv } from "../sessions/revoke";
import { type SessionStore, StoreUnavailableError } from "../sessions/store";

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface ActionDeps {
  d: Database;
  staff: Staff;
  request: RequestInfo;
  store: SessionStore | null;
  settings: { preserveSessions: boolean; staffRoleMap: Record<string, StaffRole> };
  /** the app's own Better Auth (APP_AUTH_URL), for the recovery emails; null when not configured */
  appAuth?: AppAuthConfig | null;
  now?: Date;
  /** where audit lines go (stdout by default; tests capture them) */
  log?: (line: string) => void;
}

/** What an action body gets: the transaction-bound query context plus everything RevokeEnv needs. */
export interface ActionEnv extends RevokeEnv {
  staff: Staff;
  staffRoleMap: Record<string, StaffRole>;
  appAuth: AppAuthConfig | null;
}

export interface ActionSpec<S extends z.ZodType, O, P = undefined> {
  name: string;
  permission: Permission;
  input: S;
  /**
   * Work that must not hold a transaction open, such as asking another service (the app's own
   * Better Auth) to act: it runs after the permission check and validation, outside any
   * transaction (`env.q` is the plain connection), and its result is handed to run(). If it fails,
   * nothing happened and nothing is audited. Holding a transaction across it would keep a pooled
   * connection (and on a single-session database, the only one) while the other service needs it.
   */
  prepare?(env: ActionEnv, input: z.output<S>): Promise<P>;
  run(env: ActionEnv, input: z.output<S>, prepared: P): Promise<{ result: O; audit: AuditDraft }>;
}

export const defineAction = <S extends z.ZodType, O, P = undefined>(spec: ActionSpec<S, O, P>) => spec;

/** Zod with the boundary guard first: text Postgres cannot store is a 400 in any field (lib/input-guard.ts). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  assertStorable(raw, "input");
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw badRequest(`${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
}

/**
 * The audit time, read once the action holds its row locks (after run()), from the database's clock:
 * two actions on the same rows are then stamped in the order they committed, whatever instance ran
 * them. `now` (taken before the transaction) was not: an action that waited for another's locks could
 * carry an earlier time than the one it overwrote (8 of 60 concurrent ban/unban pairs).
 */
async function lockedNow(q: { db: Kysely<DB> }): Promise<{ at: Date; atMicros: string }> {
  // as text: a JS Date keeps milliseconds, and two serialised actions can fall in the same one
  const { rows } = await sql<{ t: string }>`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`.execute(q.db);
  const atMicros = rows[0]?.t;
  if (!atMicros) throw new Error("clock_timestamp() returned nothing");
  return { at: new Date(atMicros), atMicros };
}

/** The store as the action sees it, remembering whether any write call completed. */
function trackWrites(inner: SessionStore) {
  let wrote = false;
  const after = <T>(p: Promise<T>) =>
    p.then((v) => {
      wrote = true;
      return v;
    });
  const store: SessionStore = {
    ...inner,
    ping: inner.ping?.bind(inner),
    removeSessions: (s) => after(inner.removeSessions(s)),
    revokeUsers: (ids, at) => after(inner.revokeUsers(ids, at)),
    updateCachedUser: (ids, patch) => after(inner.updateCachedUser(ids, patch)),
    clearSessionFields: (ids, where, fields) => after(inner.clearSessionFields(ids, where, fields)),
    listUserSessions: (id) => inner.listUserSessions(id),
    scanUserIds: (onBatch) => inner.scanUserIds(onBatch),
    close: () => inner.close(),
  };
  return { store, wrote: () => wrote };
}

/**
 * What the caller is told when Redis stopped answering. Before the transaction (the PING): nothing
 * was sent, nothing changed. During it: the transaction rolled back, so the database is unchanged;
 * store writes that had completed stay, and a command that timed out may still be applied when Redis
 * comes back. Either way users can only have been signed out without the rows changing (the safe
 * direction, see below), and re-running the action completes it.
 */
function storeFailure(err: StoreUnavailableError, wroteBefore: boolean): AppError {
  const message =
    wroteBefore || err.partial
      ? "The session store (Redis) did not answer; the database was not changed, but some of these users' sessions were already signed out. Run the action again once Redis answers."
      : "The session store (Redis) did not answer; nothing was changed in the database. Try again once Redis answers.";
  return new AppError("unavailable", message);
}

/**
 * The one mutation path, for server actions and API routes alike:
 *   permission → validate → [prepare, outside the transaction] → query (one transaction) → audit
 *   (same transaction) → result.
 * The audit row commits with the change or not at all; the stdout line is written after commit.
 * Store (Redis) clean-up runs inside the transaction, before commit: if it fails nothing is
 * committed; if the commit fails after it, users were signed out without the rows changing, the
 * safe direction, and re-running the action completes it. Every store command is bounded
 * (REDIS_TIMEOUT_MS) and the store is PINGed before the transaction opens, so a silent Redis costs
 * one timeout, not a transaction (and row locks) held open for as long as it stays silent.
 */
export async function executeAction<S extends z.ZodType, O, P = undefined>(spec: ActionSpec<S, O, P>, deps: ActionDeps, raw: unknown): Promise<O> {
  if (!can(deps.staff.role, spec.permission)) throw new AppError("forbidden", `The ${deps.staff.role} role may not do this (${spec.permission}).`);
  const input = parseInput(spec.input, raw);
  const now = deps.now ?? new Date();
  const { d } = deps;
  const envOf = (q: ActionEnv["q"], store: SessionStore | null): ActionEnv => ({
    q, now, store, preserveSessions: deps.settings.preserveSessions, staff: deps.staff, staffRoleMap: deps.settings.staffRoleMap,
    appAuth: deps.appAuth ?? null,
  });
  // A store that is down is found out here, in REDIS_TIMEOUT_MS, before any row is locked, and
  // before prepare() asks another service to act (a reset mail sent for an action that then fails).
  await deps.store?.ping?.().catch((err: unknown) => {
    throw err instanceof StoreUnavailableError ? storeFailure(err, false) : err;
  });
  const prepared = (spec.prepare ? await spec.prepare(envOf(d, deps.store), input) : undefined) as P;
  const store = deps.store ? trackWrites(deps.store) : null;
  const { result, record } = await d.db.transaction().execute(async (trx) => {
    const q = { ...d, db: trx };
    const { result, audit } = await spec.run(envOf(q, store?.store ?? null), input, prepared);
    const record: AuditRecord = {
      id: randomUUID(),
      ...(await lockedNow(q)),
      actor: { id: deps.staff.id, email: deps.staff.email, role: deps.staff.role },
      action: audit.action ?? spec.name,
      targetType: audit.targetType,
      targetIds: audit.targetIds,
      targetCount: audit.targetCount ?? audit.targetIds.length,
      reason: audit.reason ?? null,
      before: audit.before,
      after: audit.after,
      ip: deps.request.ip,
      userAgent: deps.request.userAgent,
    };
    if (d.caps.audit) await insertAudit(q, record);
    return { result, record };
  }).catch((err: unknown) => {
    // The store stalled mid-action: its bounded command failed, so the transaction rolled back at once.
    if (err instanceof StoreUnavailableError) throw storeFailure(err, store?.wrote() ?? false);
    // A value validation let through but Postgres refused (see invalidInputError): a 400, logged.
    throw invalidInputError(err) ?? err;
  });
  logAudit(record, deps.log);
  // After commit: what the caches are told has happened, so it must not be rolled back any more.
  runCommitHooks(record);
  return result;
}
