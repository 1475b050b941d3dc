import { sql } from "kysely";
import * as z from "zod";
import { type ActionEnv, defineAction } from "../../../actions/runner";
import { has } from "../../../db/introspect";
import { AppError, badRequest, notFound } from "../../../errors";
import { oneTarget } from "../../../moderation/guards";

const id = z.string().trim().min(1, "is required").max(255);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

/**
 * The fields staff may correct. Better Auth looks users up by the lower-cased email (sign-up and
 * sign-in lower-case it), so a stored address is lower-cased too or the user could not sign in.
 * The username plugin stores `username` lower-cased and `displayUsername` as typed; its default
 * rule (3–30 of letters, digits, _ and .) is applied here too.
 */
export const updateUserInput = z
  .strictObject({
    userId: id,
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    email: z.email("must be an email address").trim().max(254).transform((e) => e.toLowerCase()).optional(),
    /** a changed email is marked unverified unless the staff member knows the new one is the user's */
    keepEmailVerified: z.boolean().optional(),
    image: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048).nullable().optional(),
    username: z.string().trim().min(3, "must be 3 to 30 characters").max(30, "must be 3 to 30 characters").regex(/^[a-zA-Z0-9_.]+$/, "may hold letters, digits, _ and . only").nullable().optional(),
    displayUsername: optionalText(100),
  })
  .refine((v) => ["name", "email", "image", "username", "displayUsername"].some((k) => k in v && v[k as keyof typeof v] !== undefined), {
    message: "give at least one of name, email, image, username, displayUsername",
  })
  .refine((v) => v.keepEmailVerified === undefined || v.email !== undefined, { message: "keepEmailVerified goes with a new email", path: ["keepEmailVerified"] });

type Patch = Partial<Record<"name" | "email" | "emailVerified" | "image" | "username" | "displayUsername", string | boolean | null>>;

/**
 * Edits a user's profile fields (PATCH /api/v1/users/:id). Only changed fields are written and
 * audited, before and after. A taken email or username is a 409 naming it: the check is
 * case-insensitive and runs under a transaction-scoped advisory lock on the lower-cased value, so
 * two edits claiming the same address (in any case) serialise and the second sees the first.
 * Sessions kept in the store (Redis) carry a copy of the user: it is updated too.
 */
export const updateUserSpec = defineAction({
  name: "user.update",
  permission: "users.edit",
  input: updateUserInput,
  async run(env, input) {
    const { q } = env;
    const usernameOn = has(q.caps, "user", "username");
    if ((input.username !== undefined || input.displayUsername !== undefined) && !usernameOn) {
      throw badRequest("username: this app has no username column (Better Auth's username plugin)");
    }
    const target = await oneTarget(env, input.userId, { verb: "edit", allowSelf: true });
    const current = await q.db
      .selectFrom("user")
      .select(["user.name", "user.email", "user.emailVerified", "user.image"])
      .$if(usernameOn, (qb) => qb.select(["user.username", "user.displayUsername"]))
      .where("user.id", "=", target.id)
      .executeTakeFirst();
    if (!current) throw notFound(`No user with id ${input.userId}`);
    const before: Patch = { name: current.name, email: current.email, emailVerified: current.emailVerified, image: current.image, ...(usernameOn ? { username: current.username ?? null, displayUsername: current.displayUsername ?? null } : {}) };

    const wanted: Patch = {};
    if (input.name !== undefined) wanted.name = input.name;
    if (input.image !== undefined) wanted.image = input.image;
    if (input.email !== undefined && input.email !== current.email) {
      await claim(env, "email", input.email, target.id);
      wanted.email = input.email;
      wanted.emailVerified = input.keepEmailVerified === true ? current.emailVerified : false;
    }
    if (input.username !== undefined) {
      const lower = input.username?.toLowerCase() ?? null;
      if (lower !== null && lower !== current.username) await claim(env, "username", lower, target.id);
      wanted.username = lower;
      // as Better Auth does: the display form defaults to the username as typed
      if (input.displayUsername === undefined) wanted.displayUsername = input.username;
    }
    if (input.displayUsername !== undefined) wanted.displayUsername = input.displayUsername || null;

    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => before[k as keyof Patch] !== v)) as Patch;
    const keys = Object.keys(changed) as (keyof Patch)[];
    if (keys.length) {
      await q.db.updateTable("user").set({ ...changed, updatedAt: env.now } as never).where("user.id", "=", target.id).execute();
      await env.store?.updateCachedUser([target.id], changed);
    }
    return {
      result: { usersChanged: keys.length ? 1 : 0, changed: keys },
      audit: { targetType: "user", targetIds: [target.id], before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: changed },
    };
  },
});

/**
 * Refuses a value another user holds, compared lower-cased. The advisory lock is keyed by the field
 * and the lower-cased value and held until commit. `lower(email)` has no index in Better Auth's
 * schema (its unique index is on the value as stored), so this reads the table once per edit:
 * acceptable for one staff edit, and what makes "A@x" and "a@x" the same address.
 *   select pg_advisory_xact_lock(hashtextextended('dashboard:user.email:' || $value, 0))
 */
async function claim(env: ActionEnv, field: "email" | "username", value: string, userId: string) {
  const { q } = env;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`dashboard:user.${field}:${value}`}, 0))`.execute(q.db);
  const other = await q.db
    .selectFrom("user")
    .select("user.id")
    .where(sql<string>`lower(${sql.ref(`user.${field}`)})`, "=", value)
    .where("user.id", "!=", userId)
    .limit(1)
    .executeTakeFirst();
  if (other) throw new AppError("conflict", `${field === "email" ? "The email" : "The username"} ${value} is already used by another user.`);
}
