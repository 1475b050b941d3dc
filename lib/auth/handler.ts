import "server-only";
import { getConfig } from "../config";
import { resolveClientIp, withClientIp } from "../http/client-ip";
import { getAuth, getSignInThrottle } from "./index";
import { guardedSignIn, throttledResponse } from "./sign-in";

/**
 * What the dashboard's /api/auth serves: an allow-list by method and path. Better Auth's other
 * endpoints (list-sessions, revoke-session, update-user, change-password …) are 404: the dashboard
 * does not use them, and each is one more way for a page script with the staff cookie to read or
 * change something.
 */
const routes = new Map<string, "GET" | "POST">([
  ["/api/auth/sign-in/email", "POST"],
  ["/api/auth/sign-out", "POST"],
  ["/api/auth/get-session", "GET"],
]);

const json = (status: number, code: string, message: string) => Response.json({ code, message }, { status, headers: { "cache-control": "no-store" } });

/** A JSON response with `edit` applied to its body; status and headers (Set-Cookie) kept. */
async function editJson(res: Response, edit: (body: Record<string, unknown>) => void): Promise<Response> {
  if (res.status !== 200) return res;
  const body = (await res.json()) as Record<string, unknown> | null;
  if (body) edit(body);
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: res.status, headers });
}

export async function handleAuthRequest(req: Request): Promise<Response> {
  const url = new URL(req.url);
  // Under BASE_PATH, Next hands route handlers the URL with the base path removed (base-server's
  // removePathPrefix), while Better Auth (basePath `${BASE_PATH}/api/auth`) routes on the full one:
  // the path is compared without it and Better Auth is given it with it, whichever Next passed.
  const { basePath } = getConfig();
  const path = basePath && url.pathname.startsWith(`${basePath}/api/`) ? url.pathname.slice(basePath.length) : url.pathname;
  const authUrl = `${url.origin}${basePath}${path}${url.search}`;
  const method = routes.get(path);
  if (!method) return json(404, "NOT_FOUND", "Not found");
  if (req.method !== method) return json(405, "METHOD_NOT_ALLOWED", `Use ${method}`);
  const ip = resolveClientIp(req.headers, { trustedProxyHops: getConfig().trustedProxyHops });
  const headers = withClientIp(req.headers, ip);
  const auth = await getAuth();

  if (path === "/api/auth/get-session") {
    // The session token is the bearer secret of the httpOnly cookie: page scripts never see it.
    return editJson(await auth.handler(new Request(authUrl, { method, headers })), (b) => {
      if (b.session && typeof b.session === "object") delete (b.session as Record<string, unknown>).token;
    });
  }
  const text = await req.text();
  if (path === "/api/auth/sign-out") return auth.handler(new Request(authUrl, { method, headers, body: text }));

  // sign-in/email: JSON only, so the email the throttle counts is the one Better Auth checks.
  let body: { email?: unknown } | null = null;
  try {
    body = JSON.parse(text);
  } catch {}
  if (!body || typeof body !== "object" || typeof body.email !== "string") return json(400, "INVALID_REQUEST", "Send a JSON body with email and password");
  headers.set("content-type", "application/json");
  const outcome = await guardedSignIn(getSignInThrottle(), { email: body.email, ip, userAgent: req.headers.get("user-agent") }, () =>
    auth.handler(new Request(authUrl, { method, headers, body: text })),
  );
  if (outcome.kind === "throttled") return throttledResponse(outcome.retryAfterSeconds);
  // The cookie carries the session; the token in the body would hand its secret to scripts.
  return editJson(outcome.response, (b) => {
    delete b.token;
  });
}
