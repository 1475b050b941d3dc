import { badRequest } from "../errors";
import type { UserSort } from "./search-params";

/**
 * Keyset cursor: the sort it belongs to, the last row's sort value and id. Opaque to clients
 * (base64url JSON); a cursor from another sort, or anything malformed, is a 400.
 */
export interface Cursor {
  sort: UserSort;
  value: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString("base64url");
}

export function decodeCursor(raw: string, sort: UserSort): Cursor {
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
