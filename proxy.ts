import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { REQUEST_PATH_HEADER } from "@/lib/auth/return-path";
import { contentSecurityPolicy, HSTS, isSameOrigin, isServerActionRequest } from "@/lib/http/security";

/**
 * Runs before every request but static files (Next 16's proxy, formerly middleware):
 * 1. a server action from another origin gets a 403 here; Next's own check would answer 500;
 * 2. pages get a fresh CSP nonce: set on the request (Next reads it there and stamps its scripts)
 *    and on the response; API responses get a policy that allows nothing (JSON needs nothing);
 * 3. HSTS when the dashboard is served over https (BETTER_AUTH_URL).
 * Headers that never vary (nosniff, Referrer-Policy, Permissions-Policy) are in next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const { baseUrl } = getConfig();
  const https = baseUrl.startsWith("https:");
  const { pathname } = request.nextUrl;

  if (isServerActionRequest(request.method, pathname, request.headers) && !isSameOrigin(request.headers, baseUrl)) {
    const origin = request.headers.get("origin") ?? "no origin";
    return withHsts(NextResponse.json({ error: { code: "forbidden", message: `Cross-site server action from ${origin} refused` } }, { status: 403 }), https);
  }

  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    return withHsts(response, https);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  // The page asked for, for requireStaff's sign-in redirect to come back to (set here, so a client
  // cannot supply it; validated again where it is used).
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHsts(response, https);
}

function withHsts(response: NextResponse, https: boolean): NextResponse {
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Static files carry no nonce and need none; their headers come from next.config.mjs.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
