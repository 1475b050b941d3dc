import "server-only";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import type * as z from "zod";
import type { Permission } from "../auth/permissions";
import { type Staff, staffOrThrow } from "../auth/staff";
import { freshCookie } from "../db/routing";
import { expectedError } from "../errors";
import { actionDeps } from "./deps";
import { type ActionSpec, executeAction } from "./runner";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * The server-action side of the one mutation path (in the spirit of dub's safe-action.ts). Each
 * `*.action.ts` file ("use server") is one line over this, so go-to-definition leads from the button
 * to the spec, and the staff check cannot be skipped: staff → permission → the body. Expected
 * failures become `{ ok: false, error }` from the same map as the API (lib/errors.ts); anything
 * else is thrown to the error boundary.
 */
export async function guarded<T>(permission: Permission, fn: (staff: Staff) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const staff = await staffOrThrow(await headers(), permission, "Your session has ended: sign in again.");
    return { ok: true, data: await fn(staff) };
  } catch (err) {
    // a dead database is a message, not a crash
    const expected = expectedError(err);
    if (expected?.status === 503) console.warn("action unavailable", expected.code, err instanceof Error ? err.message : err);
    if (expected) return { ok: false, error: { code: expected.code, message: expected.message } };
    throw err;
  }
}

/**
 * Runs an action spec through executeAction (permission → validate → transaction → audit), then
 * marks the staff member's next reads fresh: the one place a server action sets that cookie.
 */
export async function runAction<S extends z.ZodType, O, P = undefined>(spec: ActionSpec<S, O, P>, input: z.input<S>): Promise<ActionResult<O>> {
  const result = await guarded(spec.permission, async (staff) => executeAction(spec, await actionDeps(staff, await headers()), input));
  if (result.ok) {
    // Reads go to the primary for a few seconds, so the next page shows this change (replicas lag).
    (await cookies()).set(freshCookie.name, freshCookie.value, freshCookie.options);
    revalidatePath("/", "layout");
  }
  return result;
}
