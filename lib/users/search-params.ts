import * as z from "zod";
import { badRequest } from "../errors";

/**
 * The users table's URL state, described once: the page, the API and the client all read it here.
 * Every key maps to SQL only through the whitelists below.
 */
export const userSortKeys = ["-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt"] as const;
export type UserSort = (typeof userSortKeys)[number];
export const userStatuses = ["active", "banned", "expired"] as const;
export type UserStatus = (typeof userStatuses)[number];
export const pageSizes = [25, 50, 100] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || undefined)
    .optional();

/** `2026-01-31` or a full ISO timestamp; a date alone means midnight UTC. */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be a date (YYYY-MM-DD) or ISO timestamp")
  .transform((v, ctx) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a valid date" });
      return z.NEVER;
    }
    return d;
  })
  .optional();

export const userListSchema = z.object({
  q: optionalText(200),
  role: optionalText(100),
  status: z.enum(userStatuses, { error: `must be one of ${userStatuses.join(", ")}` }).optional(),
  verified: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true").optional(),
  provider: optionalText(100),
  createdAfter: isoDate,
  createdBefore: isoDate,
  sort: z.enum(userSortKeys, { error: `must be one of ${userSortKeys.join(", ")}` }).default("-createdAt"),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be from 1 to 100")
    .max(100, "must be from 1 to 100")
    .default(25),
  cursor: optionalText(500),
});
export type UserListParams = z.output<typeof userListSchema>;
export type UserFilters = Omit<UserListParams, "sort" | "limit" | "cursor">;

/** URLSearchParams (or Next's searchParams object) → plain record, first value wins, blanks dropped. */
export function toRecord(input: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, raw] of entries) {
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v !== undefined && v !== "" && !(k in out)) out[k] = v;
  }
  return out;
}

/** Strict parse: the API answers 400 with the first problem, naming the parameter. */
export function parseUserListParams(input: URLSearchParams | Record<string, string | string[] | undefined>): UserListParams {
  const parsed = userListSchema.safeParse(toRecord(input));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
  }
  if (parsed.data.createdAfter && parsed.data.createdBefore && parsed.data.createdAfter >= parsed.data.createdBefore) {
    throw badRequest("createdAfter must be earlier than createdBefore");
  }
  return parsed.data;
}

export const hasFilters = (p: UserFilters) =>
  Boolean(p.q || p.role || p.status || p.verified !== undefined || p.provider || p.createdAfter || p.createdBefore);
