import * as z from "zod";
import { badRequest } from "../errors";
import { sessionFilterSchema } from "../sessions/search-params";
import { hasFilters, userListSchema } from "../users/list-params";

/**
 * Inputs of the moderation actions, shared by server actions and the JSON API. Every object is
 * strict: an unknown or misspelled key is a 400, so a typo can never drop a condition and widen
 * an action (`{"emial": …}` used to mean "no filter", i.e. everyone).
 */
const id = z.string().trim().min(1, "is required").max(255);
export const banDurations = { "1h": 3_600, "1d": 86_400, "7d": 604_800, "30d": 2_592_000 } as const;

const banFields = {
  reason: z.string().trim().min(1, "a reason is required").max(500, "must be at most 500 characters"),
  /** an end date; omitted or null (with no duration) = permanent */
  expiresAt: z.iso.datetime({ offset: true, error: "must be an ISO timestamp" }).nullish(),
  duration: z.enum([...(Object.keys(banDurations) as (keyof typeof banDurations)[]), "permanent"], { error: "must be 1h, 1d, 7d, 30d or permanent" }).optional(),
};
/** The preview's signed fingerprint (scope-token.ts), sent back by the confirm. */
const scopeToken = z.string().max(200).optional();
/** Previews are answered before the action runs (dryRun); an action never runs "dry". */
const dryRun = z.boolean().optional();
const notDry = (v: { dryRun?: boolean }) => v.dryRun !== true;
const notDryIssue = { message: "a dry run is answered by the preview, not the action", path: ["dryRun"] };

/** Changing an existing ban is explicit: without replaceBan, a ban on a user whose ban is in force is a 409. */
export const banInput = z.strictObject({ userId: id, ...banFields, replaceBan: z.boolean().optional() });
export const userIdInput = z.strictObject({ userId: id });
/** userId is needed only for sessions kept in the store (Redis), which are looked up per user. */
export const sessionIdInput = z.strictObject({ sessionId: id, userId: id.optional() });
export const setRoleInput = z.strictObject({
  userId: id,
  role: z.string().trim().max(200).regex(/^[\w-]+(,[\w-]+)*$/, "must be role names separated by commas").nullable(),
});
export const deleteUserInput = z.strictObject({ userId: id, confirm: z.string({ error: "type the user's email to confirm" }) });

const noFilterMessage = "give at least one filter; acting on everyone is a separate, admin-only action";

export const userFilterInput = userListSchema
  .omit({ sort: true, limit: true, cursor: true })
  .refine(hasFilters, { message: noFilterMessage })
  .refine((f) => !(f.createdAfter && f.createdBefore && f.createdAfter >= f.createdBefore), {
    message: "createdAfter must be earlier than createdBefore",
    path: ["createdAfter"],
  });

export const bulkActions = ["ban", "unban", "revokeSessions"] as const;
export type BulkActionName = (typeof bulkActions)[number];
/** What an admin types to act on every (non-staff) user, like "REVOKE ALL" for sessions. */
export const everyonePhrases = { ban: "BAN EVERYONE", unban: "UNBAN EVERYONE", revokeSessions: "SIGN OUT EVERYONE" } as const satisfies Record<BulkActionName, string>;

/**
 * Whom a bulk action targets, exactly one of: an explicit selection of ids, a filter, or everyone.
 * The JSON keeps them flat (`ids` | `filter` | `scope: "everyone"`); the parsed input carries the
 * discriminated `selection`.
 */
export type BulkSelection = { ids: string[] } | { filter: z.output<typeof userFilterInput> } | { everyone: true };

const bulkFields = z.strictObject({
  action: z.enum(bulkActions, { error: "must be ban, unban or revokeSessions" }),
  ids: z.array(id).min(1, "select at least one user").max(50_000).optional(),
  filter: userFilterInput.optional(),
  scope: z.literal("everyone", { error: 'must be "everyone" (or give ids or filter)' }).optional(),
  /** the typed confirmation of an everyone-wide action (everyonePhrases) */
  confirm: z.string().optional(),
  scopeToken,
  reason: banFields.reason.optional(),
  expiresAt: banFields.expiresAt,
  duration: banFields.duration,
  /** replace the bans already in force (default: skip and report those users) */
  replaceBans: z.boolean().optional(),
  dryRun,
});
type BulkFields = z.output<typeof bulkFields>;
const oneSelection = (v: BulkFields) => [v.ids, v.filter, v.scope].filter((x) => x !== undefined).length === 1;
const withSelection = ({ ids, filter, scope, ...rest }: BulkFields) => ({
  ...rest,
  selection: (ids ? { ids } : filter ? { filter } : { everyone: true as const }) satisfies BulkSelection as BulkSelection,
});
const selectionIssue = { message: 'give exactly one of ids, filter or scope: "everyone"', path: ["ids"] };
/** Keys that mean something only with another one are refused alone, not ignored. */
const fitting = (v: BulkFields) => (v.confirm === undefined || v.scope === "everyone") && (v.replaceBans === undefined || v.action === "ban");
const fittingIssue = { message: 'confirm goes with scope: "everyone", replaceBans with action: "ban"', path: ["confirm"] };

/** A preview shows whom an action would touch: it needs neither the ban's reason nor the typed phrase. */
export const bulkPreviewInput = bulkFields.refine(oneSelection, selectionIssue).refine(fitting, fittingIssue).transform(withSelection);
export const bulkInput = bulkFields
  .refine(oneSelection, selectionIssue)
  .refine(fitting, fittingIssue)
  .refine(notDry, notDryIssue)
  .refine((v) => v.action !== "ban" || !!v.reason, { message: "a reason is required to ban", path: ["reason"] })
  .refine((v) => v.scope !== "everyone" || v.confirm === everyonePhrases[v.action], {
    message: "type the action's phrase to act on everyone (BAN EVERYONE, UNBAN EVERYONE or SIGN OUT EVERYONE)",
    path: ["confirm"],
  })
  .transform(withSelection);
export type BulkInput = z.output<typeof bulkPreviewInput>;

/** A CIDR of length 0 (0.0.0.0/0, ::/0) matches every address: it is no condition at all. */
export const matchesAnyAddress = (ip: string | undefined) => !!ip && /\/0+$/.test(ip.trim());
const effectiveSessionFilter = (f: z.output<typeof sessionFilterSchema>) =>
  Object.entries(f).some(([k, v]) => v !== undefined && !(k === "ip" && matchesAnyAddress(v as string)));

export const revokeFilterInput = z
  .strictObject({ filter: sessionFilterSchema, scopeToken, dryRun })
  .refine((v) => effectiveSessionFilter(v.filter), { message: `${noFilterMessage} (revoke everyone)`, path: ["filter"] });
export const revokeFilterActionInput = revokeFilterInput.refine(notDry, notDryIssue);
export const revokeAllInput = z.strictObject({ confirm: z.literal("REVOKE ALL", { error: 'type "REVOKE ALL" to confirm' }), scopeToken, dryRun });
export const revokeAllActionInput = revokeAllInput.refine(notDry, notDryIssue);

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
