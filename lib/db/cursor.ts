import { badRequest } from "../errors";

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
  if (parsed[0] !== sort) throw badRequest(`cursor: belongs to sort ${parsed[0]}, not ${sort}`);
  return { sort, value: parsed[1], id: parsed[2] };
}

/** Postgres' text form of a timestamptz (or -infinity): what time cursors carry, microseconds kept. */
export const TIMESTAMP_TEXT = /^(-infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?)$/;
