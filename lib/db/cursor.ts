import { badRequest } from "../errors";
import { textProblem } from "../input-guard";

/**
 * Keyset cursor shared by every list: the sort it belongs to, the last row's sort value and id. Opaque to clients
 * (base64url JSON); a cursor from another sort, or anything malformed, is a 400.
 */
export interface Cursor<S extends string = string> {
  sort: S;
  value: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString("base64url");
}

export function decodeCursor<S extends string>(raw: string, sort: S): Cursor<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badRequest("cursor: malformed");
  }
  if (
    !Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== "string" ||
    (typeof parsed[1] !== "string" && parsed[1] !== null) || typeof parsed[2] !== "string"
  ) {
    throw badRequest("cursor: malformed");
  }
  // Decoded from base64 JSON, so not seen by the request guard: a NUL here would reach SQL.
  if (parsed.some((v) => typeof v === "string" && textProblem(v))) throw badRequest("cursor: malformed");
  if (parsed[0] !== sort) throw badRequest(`cursor: belongs to sort ${parsed[0]}, not ${sort}`);
  return { sort, value: parsed[1], id: parsed[2] };
}

/**
 * One keyset page from a query that read `limit + 1` rows in sort order: the first `limit` rows,
 * and a cursor after the last of them when the extra row shows there is more (never a count).
 * Rows carry their sort value as Postgres text (`sortValue`) so timestamps keep microseconds.
 */
export function keysetPage<R extends { sortValue: string | null; id: string }>(rows: R[], limit: number, sort: string): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor({ sort, value: last.sortValue, id: last.id }) : null };
}

/** Postgres' text form of a timestamptz (or -infinity): what time cursors carry, microseconds kept. */
export const TIMESTAMP_TEXT = /^(-infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?)$/;
const PARTS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?$/;

/**
 * A time cursor's value that Postgres will cast: the format AND every field in range. The format
 * alone lets `2026-13-45 00:00:00` or year 0000 through, and the cast then fails (SQLSTATE 22008).
 * Stricter than Postgres (no 24:00:00, no leap second), which never prints those.
 */
export function isTimestampText(v: string | null): v is string {
  if (v === null || !TIMESTAMP_TEXT.test(v)) return false;
  if (v === "-infinity") return true;
  const m = PARTS.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second, tzHour, tzMinute] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return year >= 1 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 && tzHour <= 15 && tzMinute <= 59;
}
