import * as z from "zod";
import { badRequest } from "../errors";
import { sessionFilterSchema } from "../sessions/search-params";
import { userListSchema } from "../users/search-params";

/** Inputs of the moderation actions, shared by server actions and the JSON API. */
const id = z.string().trim().min(1, "is required").max(255);
export const banDurations = { "1h": 3_600, "1d": 86_400, "7d": 604_800, "30d": 2_592_000 } as const;

const banFields = {
  reason: z.string().trim().min(1, "a reason is required").max(500, "must be at most 500 characters"),
  /** an end date; omitted or null (with no duration) = permanent */
  expiresAt: z.iso.datetime({ offset: true, error: "must be an ISO timestamp" }).nullish(),
  duration: z.enum([...(Object.keys(banDurations) as (keyof typeof banDurations)[]), "permanent"], { error: "must be 1h, 1d, 7d, 30d or permanent" }).optional(),
};

export const banInput = z.object({ userId: id, ...banFields });
export const userIdInput = z.object({ userId: id });
/** userId is needed only for sessions kept in the store (Redis), which are looked up per user. */
export const sessionIdInput = z.object({ sessionId: id, userId: id.optional() });
export const setRoleInput = z.object({
  userId: id,
  role: z.string().trim().max(200).regex(/^[\w-]+(,[\w-]+)*$/, "must be role names separated by commas").nullable(),
});
export const deleteUserInput = z.object({ userId: id, confirm: z.string({ error: "type the user's email to confirm" }) });

export const userFilterInput = userListSchema
  .omit({ sort: true, limit: true, cursor: true })
  .refine((f) => !(f.createdAfter && f.createdBefore && f.createdAfter >= f.createdBefore), {
    message: "createdAfter must be earlier than createdBefore",
    path: ["createdAfter"],
  });
const bulkFields = z
  .object({
    action: z.enum(["ban", "unban", "revokeSessions"], { error: "must be ban, unban or revokeSessions" }),
    ids: z.array(id).min(1, "select at least one user").max(50_000).optional(),
    filter: userFilterInput.optional(),
    reason: banFields.reason.optional(),
    expiresAt: banFields.expiresAt,
    duration: banFields.duration,
    dryRun: z.boolean().optional(),
  })
  .refine((v) => (v.ids ? !v.filter : !!v.filter), { message: "give either ids or filter", path: ["ids"] });
/** A preview shows whom an action would touch: it does not need the ban's reason yet. */
export const bulkPreviewInput = bulkFields;
export const bulkInput = bulkFields.refine((v) => v.action !== "ban" || !!v.reason, { message: "a reason is required to ban", path: ["reason"] });

export const revokeFilterInput = z
  .object({ filter: sessionFilterSchema, dryRun: z.boolean().optional() })
  .refine((v) => Object.values(v.filter).some((x) => x !== undefined), { message: "give at least one filter (revoking everyone is a separate action)", path: ["filter"] });
export const revokeAllInput = z.object({ confirm: z.literal("REVOKE ALL", { error: 'type "REVOKE ALL" to confirm' }), dryRun: z.boolean().optional() });

/** The ban's end: an explicit future date, a duration from now, or permanent (null). */
export function banEnd(input: { expiresAt?: string | null; duration?: string }, now: Date): Date | null {
  if (input.expiresAt) {
    const at = new Date(input.expiresAt);
    if (at.getTime() <= now.getTime()) throw badRequest("expiresAt: must be in the future");
    return at;
  }
  if (input.duration && input.duration !== "permanent") return new Date(now.getTime() + banDurations[input.duration as keyof typeof banDurations] * 1000);
  return null;
}
