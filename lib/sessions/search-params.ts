import * as z from "zod";
import { badRequest } from "../errors";
import { toRecord } from "../users/search-params";
import { type IpFilter, parseIpFilter } from "./ip";

/** The sessions table's URL state and the filter of a filtered revoke, described once. */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).transform((v) => v || undefined).optional();
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "must be a date (YYYY-MM-DD) or ISO timestamp")
  .transform((v, ctx) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a valid date" });
      return z.NEVER;
    }
    return d;
  })
  .optional();

export const sessionFilterSchema = z.object({
  /** a user's email (exact, case-insensitive) or id */
  user: text(320),
  ip: text(64),
  userAgent: text(200),
  createdAfter: date,
  createdBefore: date,
  impersonated: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true").optional(),
});

export const sessionListSchema = sessionFilterSchema.extend({
  limit: z.coerce.number({ error: "must be a number" }).int().min(1, "must be from 1 to 100").max(100, "must be from 1 to 100").default(50),
  cursor: text(500),
});

export type SessionFilterInput = z.output<typeof sessionFilterSchema>;
export type SessionFilter = Omit<SessionFilterInput, "ip"> & { ip?: IpFilter };
export type SessionListParams = SessionFilter & { limit: number; cursor?: string };

const firstIssue = (e: z.ZodError) => {
  const i = e.issues[0];
  return `${i?.path.join(".") || "query"}: ${i?.message ?? "invalid"}`;
};

export function toSessionFilter(input: SessionFilterInput): SessionFilter {
  const { ip, ...rest } = input;
  return { ...rest, ...(ip ? { ip: parseIpFilter(ip) } : {}) };
}

export function parseSessionListParams(input: URLSearchParams | Record<string, string | string[] | undefined>): SessionListParams {
  const parsed = sessionListSchema.safeParse(toRecord(input));
  if (!parsed.success) throw badRequest(firstIssue(parsed.error));
  const { limit, cursor, ...filter } = parsed.data;
  return { ...toSessionFilter(filter), limit, ...(cursor ? { cursor } : {}) };
}

export const hasSessionFilters = (f: SessionFilter) =>
  Boolean(f.user || f.ip || f.userAgent || f.createdAfter || f.createdBefore || f.impersonated !== undefined);
