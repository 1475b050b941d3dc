import * as z from "zod";
import { defineAction } from "../actions/runner";
import { AppError, notFound } from "../errors";
import { CLEAR_ACTION, UNCLEAR_ACTION } from "./clearances";

// Strict like every action input: an unknown key is a 400, not ignored.
export const clearSpamInput = z.strictObject({
  userIds: z
    .array(z.string().trim().min(1, "is required").max(255))
    .min(1, "select at least one account")
    .max(10_000, "at most 10,000 accounts at once"),
  reason: z.string().trim().max(500, "must be at most 500 characters").optional().transform((v) => v || undefined),
});

/**
 * "Not spam": the accounts leave the review queue for good (a later sign-up of the same person is a
 * new account and is scored afresh). The decision IS the audit record, since the dashboard stores
 * nothing of its own; without the audit table there is nowhere to keep it, so the action refuses
 * rather than pretending.
 */
export const clearSpamSpec = defineAction({
  name: CLEAR_ACTION,
  permission: "spam.review",
  input: clearSpamInput,
  async run(env, input) {
    if (!env.q.caps.audit) {
      throw new AppError("conflict", "A \"not spam\" decision cannot be remembered without the audit table: install it with npm run audit:install.");
    }
    const userIds = [...new Set(input.userIds)];
    // A clearance of an id that names no account would be an audit record about nobody (and a 200
    // saying it was cleared): all or nothing, like the other actions on chosen users. FOR SHARE keeps
    // the accounts from being deleted before the record commits.
    const found = await env.q.db.selectFrom("user").select("user.id").where("user.id", "in", userIds).forShare().execute();
    if (found.length < userIds.length) {
      const known = new Set(found.map((u) => u.id));
      const missing = userIds.filter((id) => !known.has(id));
      throw notFound(`No user with id ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ""}: nothing was cleared`);
    }
    return {
      result: { usersCleared: userIds.length },
      audit: { targetType: "user", targetIds: userIds, reason: input.reason ?? null, before: null, after: { cleared: true } },
    };
  },
});

export const unclearSpamInput = z.strictObject({
  userIds: clearSpamInput.shape.userIds,
  reason: clearSpamInput.shape.reason,
});

/**
 * Undoes "not spam": the accounts are flagged again from the next look at the queue (their score
 * never changed). Audited like the clearance it answers; the clearance stays in the log.
 */
export const unclearSpamSpec = defineAction({
  name: UNCLEAR_ACTION,
  permission: "spam.review",
  input: unclearSpamInput,
  async run(env, input) {
    if (!env.q.caps.audit) {
      throw new AppError("conflict", "A \"not spam\" decision cannot be undone without the audit table: install it with npm run audit:install.");
    }
    const userIds = [...new Set(input.userIds)];
    return {
      result: { usersRestored: userIds.length },
      audit: { targetType: "user", targetIds: userIds, reason: input.reason ?? null, before: { cleared: true }, after: { cleared: false } },
    };
  },
});
