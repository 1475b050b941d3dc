import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { createPasswordUser, PASSWORD } from "../helpers/staff";
import { type E2E, skip, startE2E } from "./server";

/**
 * Staff sign-in against `next start`: what only the real server shows (which bundle runs Better Auth
 * first, the socket's peer address, the allow-listed /api/auth routes).
 */
describe.skipIf(skip)("staff sign-in on the real server", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E((t) => createPasswordUser(t.d, { id: "e2e_si_plain", email: "plain-si@corp.test", role: "user" }), {
      // The fresh process's first Better Auth call goes through the /api/auth route handler's bundle.
      readyPath: "/api/auth/get-session",
    });
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${e.base}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", origin: e.base, ...headers }, body: JSON.stringify(body) });

  it("answers a wrong password on the form after the API route created Better Auth (no 500)", async () => {
    const api = await post("/sign-in/email", { email: "moderator@demo.local", password: "wrong-wrong-wrong" });
    expect(api.status).toBe(401);
    const page = await e.browser.newPage();
    const action = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in", { timeout: 50_000 });
    await e.signIn(page, "moderator@demo.local", "still-wrong-password");
    // the server action's answer: 500 when `instanceof APIError` met the other bundle's class
    expect((await action).status()).toBe(200);
    await expect.poll(() => page.locator(".alert-error").textContent(), { timeout: 20_000 }).toBe("Wrong email or password.");
    await page.close();
  }, 90_000);

  it("gives a non-staff user's right password the wrong-password answer", async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, "plain-si@corp.test", PASSWORD);
    await expect.poll(() => page.locator(".alert-error").textContent(), { timeout: 40_000 }).toBe("Wrong email or password.");
    await page.close();
    const right = await post("/sign-in/email", { email: "plain-si@corp.test", password: PASSWORD });
    const wrong = await post("/sign-in/email", { email: "plain-si@corp.test", password: "not-the-password" });
    expect([right.status, await right.text()]).toEqual([wrong.status, await wrong.text()]);
  }, 90_000);

  it("ignores a forged X-Forwarded-For: the socket's address is the client (TRUSTED_PROXY_HOPS=0)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post("/sign-in/email", { email: "support@demo.local", password: `guess-${i}` }, { "x-forwarded-for": `203.0.113.${i + 1}` });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // 5 failures per account and address, then refused before the password is checked
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const lines = e.output().split("\n").filter((l) => l.includes('"staff.signIn.failed"') && l.includes("support@demo.local"));
    expect(lines.length).toBe(5);
    for (const l of lines) expect(JSON.parse(l).ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  }, 90_000);

  it("exposes only sign-in, sign-out and get-session, and never a session token to scripts", async () => {
    const signIn = await post("/sign-in/email", { email: "admin@demo.local", password: DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const body = (await signIn.json()) as Record<string, unknown>;
    expect(body.token).toBeUndefined();
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(signIn.headers.getSetCookie().join("\n")).toMatch(/HttpOnly/i);
    const list = await fetch(`${e.base}/api/auth/list-sessions`, { headers: { cookie } });
    expect(list.status).toBe(404);
    const session = await fetch(`${e.base}/api/auth/get-session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    const json = (await session.json()) as { session: Record<string, unknown>; user: { email: string } };
    expect(json.user.email).toBe("admin@demo.local");
    expect(json.session.token).toBeUndefined();
    expect(JSON.stringify(json)).not.toContain(cookie.split("=")[1]?.split(".")[0] ?? "no-token");
  });
});
