import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

/** proxy.ts on a dashboard served over https (the e2e test covers http against `next start`). */
describe("proxy over https", () => {
  let proxy: (req: NextRequest) => Response;
  beforeAll(async () => {
    vi.stubEnv("BETTER_AUTH_URL", "https://admin.example.com");
    ({ proxy } = await import("../proxy"));
  });

  const req = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
    new NextRequest(`http://10.0.0.5:3000${path}`, { ...init, headers: { host: "10.0.0.5:3000", ...(init.headers as Record<string, string>) } });

  it("adds HSTS and upgrade-insecure-requests to pages and API answers", () => {
    const page = proxy(req("/users"));
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000");
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(proxy(req("/api/v1/users")).headers.get("strict-transport-security")).toBe("max-age=63072000");
  });

  it("accepts server actions from BETTER_AUTH_URL's origin or the request's host, and refuses others", () => {
    const action = (origin: string) => proxy(req("/users", { method: "POST", headers: { "next-action": "abc", origin } }));
    expect(action("https://admin.example.com").status).toBe(200);
    expect(action("http://10.0.0.5:3000").status).toBe(200);
    const refused = action("https://admin.example.com.evil.test");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("strict-transport-security")).toBe("max-age=63072000");
    // /api routes check their own origin (lib/http/action-route.ts); Better Auth its own.
    expect(proxy(req("/api/auth/sign-in/email", { method: "POST", headers: { origin: "https://evil.test", "content-type": "application/x-www-form-urlencoded" } })).status).toBe(200);
  });
});
