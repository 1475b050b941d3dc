"use server";
import { cookies, headers } from "next/headers";
import { FRESH_COOKIE, FRESH_SECONDS } from "../db/routing";
import { revalidatePath } from "next/cache";
import type * as z from "zod";
import { checkStaff } from "../auth/staff";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { AppError, isStatementTimeout } from "../errors";
import { previewBulk } from "../moderation/bulk-actions";
import { bulkPreviewInput, revokeFilterInput } from "../moderation/schemas";
import { previewRevokeAll, previewRevokeFilter } from "../moderation/session-actions";
import { can, type Permission } from "../auth/permissions";
import { actionDeps } from "./deps";
import { type ActionName, actions } from "./registry";
import { executeAction, parseInput } from "./runner";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Output<N extends ActionName> = Awaited<ReturnType<(typeof actions)[N]["run"]>>["result"];

async function guarded<T>(permission: Permission | null, fn: (staff: Awaited<ReturnType<typeof staffOrThrow>>) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const staff = await staffOrThrow();
    if (permission && !can(staff.role, permission)) throw new AppError("forbidden", `The ${staff.role} role may not do this (${permission}).`);
    return { ok: true, data: await fn(staff) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    if (isStatementTimeout(err)) return { ok: false, error: { code: "timeout", message: "The database took too long; an index is probably missing." } };
    throw err;
  }
}

async function staffOrThrow() {
  const check = await checkStaff(await headers());
  if (check.kind === "anonymous") throw new AppError("unauthenticated", "Your session has ended: sign in again.");
  if (check.kind === "not-staff") throw new AppError("forbidden", "This account is not a staff member.");
  return check.staff;
}

/** The UI's one server action: runs a whitelisted action through executeAction, then refreshes. */
export async function performAction<N extends ActionName>(name: N, input: z.input<(typeof actions)[N]["input"]>): Promise<ActionResult<Output<N>>> {
  const spec = actions[name];
  if (!spec) return { ok: false, error: { code: "invalid_request", message: `Unknown action ${String(name)}` } };
  const result = await guarded(null, async (staff) => executeAction(spec as never, await actionDeps(staff, await headers()), input) as Promise<Output<N>>);
  if (result.ok) {
    // Reads go to the primary for a few seconds, so the next page shows this change (replicas lag).
    (await cookies()).set(FRESH_COOKIE, "1", { maxAge: FRESH_SECONDS, httpOnly: true, sameSite: "lax", path: "/" });
    revalidatePath("/", "layout");
  }
  return result;
}

/**
 * Previews shown before confirming a bulk action, a filtered revoke or "revoke everyone". Each
 * answers with a scopeToken (none for an explicit ids selection) that the dialog sends back with
 * its confirmation: the server refuses a confirmation that no longer matches its preview.
 */
export async function previewBulkAction(input: z.input<typeof bulkPreviewInput>) {
  return guarded("users.bulk", async (staff) => previewBulk(await getDatabase(), parseInput(bulkPreviewInput, input), staff, getConfig().staffRoleMap));
}
export async function previewRevokeFilterAction(input: z.input<typeof revokeFilterInput>) {
  return guarded("sessions.revokeFilter", async (staff) =>
    previewRevokeFilter(await getDatabase(), parseInput(revokeFilterInput, input).filter, staff, getConfig().staffRoleMap),
  );
}
export async function previewRevokeAllAction() {
  return guarded("sessions.revokeAll", async (staff) => previewRevokeAll(await getDatabase(), staff));
}
