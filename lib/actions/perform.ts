"use server";
import { cookies, headers } from "next/headers";
import { FRESH_COOKIE, FRESH_SECONDS } from "../db/routing";
import { revalidatePath } from "next/cache";
import type * as z from "zod";
import { checkStaff } from "../auth/staff";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { AppError, expectedError } from "../errors";
import type { bulkPreviewInput, revokeFilterInput } from "../moderation/schemas";
import { can, type Permission } from "../auth/permissions";
import { actionDeps } from "./deps";
import { previews } from "./previews";
import { type ActionName, type actions, findAction } from "./registry";
import { executeAction } from "./runner";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Output<N extends ActionName> = Awaited<ReturnType<(typeof actions)[N]["run"]>>["result"];

async function guarded<T>(permission: Permission | null, fn: (staff: Awaited<ReturnType<typeof staffOrThrow>>) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const staff = await staffOrThrow();
    if (permission && !can(staff.role, permission)) throw new AppError("forbidden", `The ${staff.role} role may not do this (${permission}).`);
    return { ok: true, data: await fn(staff) };
  } catch (err) {
    // the same mapping as the API (lib/errors.ts expectedError): a dead database is a message, not a crash
    const expected = expectedError(err);
    if (expected?.status === 503) console.warn("action unavailable", expected.code, err instanceof Error ? err.message : err);
    if (expected) return { ok: false, error: { code: expected.code, message: expected.message } };
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
  // Own keys only: a client can post any name, and `__proto__` or `constructor` must not resolve.
  const spec = findAction(name);
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
  return guarded(previews.bulk.permission, async (staff) => previews.bulk.run(await getDatabase(), staff, input, getConfig().staffRoleMap));
}
export async function previewRevokeFilterAction(input: z.input<typeof revokeFilterInput>) {
  return guarded(previews.revokeFilter.permission, async (staff) => previews.revokeFilter.run(await getDatabase(), staff, input, getConfig().staffRoleMap));
}
export async function previewRevokeAllAction() {
  return guarded(previews.revokeAll.permission, async (staff) => previews.revokeAll.run(await getDatabase(), staff));
}
