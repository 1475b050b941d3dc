import "server-only";
import { NextResponse } from "next/server";
import type * as z from "zod";
import { actionDeps } from "../actions/deps";
import { type ActionSpec, executeAction } from "../actions/runner";
import type { Staff } from "../auth/staff";
import { staffForRequest } from "../auth/staff";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { freshCookieHeader } from "../db/routing";
import type { Q } from "../db/context";
import { AppError, badRequest } from "../errors";
import { assertStorable } from "../input-guard";
import { errorResponse, requestParams } from "./route";

/**
 * Browsers send Origin on cross-site POSTs: a mutation from another site is refused (403), so a
 * staff member's cookie cannot be used by a page they happen to visit. Clients without Origin
 * (curl, scripts) are not browsers and pass.
 */
export function checkOrigin(req: Request) {
  const origin = req.headers.get("origin");
  const allowed = new Set([new URL(getConfig().baseUrl).origin, new URL(req.url).origin]);
  if (origin && !allowed.has(origin)) throw new AppError("forbidden", `Cross-site request from ${origin} refused`);
  const site = req.headers.get("sec-fetch-site");
  if (!origin && site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site request refused");
}

async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {}
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("body: must be a JSON object");
  // JSON escapes can spell what Postgres cannot store ("\u0000", "\ud800"): refused here, in any field.
  assertStorable(body, "body");
  return body as Record<string, unknown>;
}

/**
 * A route's input: the JSON body plus what the URL fixes (`{ userId: params.id }`). The whole body
 * goes on to the action's strict schema, so a key the action does not know is a 400, never silently
 * dropped; a body key that the URL sets is a 400 too (which one would win is not the client's guess).
 */
export function bodyWith(body: Record<string, unknown>, fixed: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(fixed)) if (key in body) throw badRequest(`${key}: set by the URL, not the body`);
  return { ...body, ...fixed };
}

interface Ctx<P> {
  body: Record<string, unknown>;
  params: P;
  url: URL;
}

/**
 * A mutating /api/v1 route over one action: origin check, staff session and permission, JSON body,
 * then executeAction (validate → query → audit). `dryRun: true` answers with the action's preview.
 */
export function apiAction<S extends z.ZodType, O, P = Record<string, never>, Pr = undefined>(
  spec: ActionSpec<S, O, Pr>,
  toInput: (ctx: Ctx<P>) => unknown,
  preview?: (ctx: { q: Q; staff: Staff; input: unknown }) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    try {
      checkOrigin(req);
      const staff = await staffForRequest(req, spec.permission);
      const params = await requestParams(req, ctx.params);
      const c: Ctx<P> = { body: await readJson(req), params, url: new URL(req.url) };
      const input = toInput(c);
      const data =
        preview && c.body.dryRun === true
          ? await preview({ q: await getDatabase(), staff, input })
          : await executeAction(spec, await actionDeps(staff, req.headers), input);
      // The caller's next reads go to the primary for a few seconds (see lib/db/routing.ts).
      return NextResponse.json(data, { headers: { "cache-control": "no-store", "set-cookie": freshCookieHeader() } });
    } catch (err) {
      return errorResponse(req, err);
    }
  };
}
