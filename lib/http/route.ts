import "server-only";
import { NextResponse } from "next/server";
import type { Permission } from "../auth/permissions";
import { type Staff, staffForRequest } from "../auth/staff";
import type { Q } from "../db/context";
import { getDatabase, getReadDatabase } from "../db";
import { badRequest, expectedError } from "../errors";
import { assertStorable, assertStorableQuery } from "../input-guard";

export const jsonError = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

type Handler<P> = (ctx: { req: Request; staff: Staff; q: Q; params: P }) => Promise<unknown>;

/**
 * Every /api/v1 handler goes through here: staff session and permission first, then the handler;
 * expected failures become `{ error: { code, message } }` with their status, a statement timeout or
 * a dead database a 503 that says why, anything else a logged 500. Never an empty 200 that hides an error.
 */
export function apiRoute<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    try {
      const staff = await staffForRequest(req, permission);
      // GETs may be served by the replica; anything else, and reads right after a write, by the primary.
      const q = req.method === "GET" ? await getReadDatabase(req.headers) : await getDatabase();
      const body = await handler({ req, staff, q, params: await requestParams(req, ctx.params) });
      return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(req, err);
    }
  };
}

/**
 * The request's path params, after the boundary guard: a segment that is not valid percent-encoded
 * UTF-8 (Next's decoding throws URIError) is a 400, and so is any text in the path or the query
 * string that Postgres cannot store (NUL, lone surrogates), whatever the handler does with it.
 */
export async function requestParams<P>(req: Request, params: Promise<P>): Promise<P> {
  let decoded: P;
  try {
    decoded = await params;
  } catch (err) {
    if (err instanceof URIError) throw badRequest("path: malformed percent-encoding (not UTF-8)");
    throw err;
  }
  assertStorable(decoded, "path");
  assertStorableQuery(new URL(req.url).searchParams);
  return decoded;
}

/**
 * Expected failures → their status; a statement timeout or an unreachable database → 503 that says
 * why (logged: an operator wants to know); the rest → logged 500.
 */
export function errorResponse(req: Request, err: unknown) {
  const expected = expectedError(err);
  if (expected?.status === 503) console.warn("api unavailable", req.method, new URL(req.url).pathname, expected.code, err instanceof Error ? err.message : err);
  if (expected) return jsonError(expected.status, expected.code, expected.message);
  console.error("api error", req.method, new URL(req.url).pathname, err);
  return jsonError(500, "internal", "Internal error; the server log has the details.");
}
