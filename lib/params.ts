import * as z from "zod";
import { badRequest } from "./errors";
import { textProblem } from "./input-guard";

/**
 * Building blocks of every table's URL state (users, sessions, audit): one definition of "optional
 * text", "a date", "a page size", and of how a zod failure becomes a 400 naming the parameter.
 */
/** Any text input: what Postgres cannot store (a NUL, a lone surrogate) is a 400 naming the field, not a 500. */
export const storableText = () =>
  z.string().superRefine((v, ctx) => {
    const problem = textProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const optionalText = (max: number) =>
  storableText()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || undefined)
    .optional();

/**
 * Whether the YYYY-MM-DD a date string starts with is a real day. JavaScript rolls days 29–31 past
 * the month's end over (2026-02-30 → 2026-03-02), which would move a filter's bound silently.
 */
function calendarDay(v: string) {
  const [y, m, d] = v.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** `2026-01-31` or a full ISO timestamp; a date alone means midnight UTC. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be a date (YYYY-MM-DD) or ISO timestamp")
  .transform((v, ctx) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(d.getTime()) || !calendarDay(v)) {
      ctx.addIssue({ code: "custom", message: "is not a valid date" });
      return z.NEVER;
    }
    return d;
  })
  .optional();

export const boolParam = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/** Rows per keyset page a CSV export reads (its memory is one page, whatever the total). */
export const EXPORT_PAGE = 1_000;

export const limitParam = (fallback: number) =>
  z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be from 1 to 100").max(100, "must be from 1 to 100").default(fallback);

/**
 * URLSearchParams (or Next's searchParams object) → plain record, first value wins, blanks dropped.
 * Own keys only, so `constructor` or `toString` are ordinary unknown keys; `__proto__` (whose
 * assignment would set the prototype) names no parameter and is dropped.
 */
export function toRecord(input: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, raw] of entries) {
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v !== undefined && v !== "" && k !== "__proto__" && !Object.hasOwn(out, k)) out[k] = v;
  }
  return out;
}

/** Strict parse of URL state: the first problem becomes a 400 that names the parameter. */
export function parseParams<S extends z.ZodType>(schema: S, input: URLSearchParams | Record<string, string | string[] | undefined>): z.output<S> {
  const parsed = schema.safeParse(toRecord(input));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw badRequest(`${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
}
