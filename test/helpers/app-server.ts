import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { betterAuth } from "better-auth";
import { toNodeHandler } from "better-auth/node";
import { type AppPlugin, appAuthOptions } from "../../lib/db/migrate";
import type { TestDb } from "./db";

export interface SentMail {
  kind: "reset" | "verify";
  to: string;
  url: string;
  token: string;
}

/**
 * An app of its own, as a real deployment has: Better Auth with email+password, a reset-password
 * mailer and a verification mailer (capturing the "mails" in memory), on the test schema with the
 * app's naming, served over HTTP on a random port. The dashboard talks to it only over HTTP.
 */
export async function startAppServer(t: TestDb, plugins: readonly AppPlugin[]) {
  const server = await listenAppServer();
  return { ...server, auth: server.attach(t, plugins) };
}

/**
 * The server first (its URL is configuration the dashboard starts with), Better Auth attached once
 * the schema exists; requests before that get a 503.
 */
export async function listenAppServer() {
  const mails: SentMail[] = [];
  let handler: ReturnType<typeof toNodeHandler> | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) void handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const attach = (t: TestDb, plugins: readonly AppPlugin[]) => {
    const base = appAuthOptions(t.raw, t.naming, plugins, { rateLimit: { enabled: false } });
    const auth = betterAuth({
      ...base,
      baseURL: origin,
      // Better Auth skips its origin checks when NODE_ENV is "test": this app checks like production.
      advanced: { ...base.advanced, disableOriginCheck: false },
      emailAndPassword: {
        enabled: true,
        sendResetPassword: async ({ user, url, token }) => {
          mails.push({ kind: "reset", to: user.email, url, token });
        },
      },
      emailVerification: {
        sendVerificationEmail: async ({ user, url, token }) => {
          mails.push({ kind: "verify", to: user.email, url, token });
        },
      },
    });
    handler = toNodeHandler(auth);
    return auth;
  };
  return {
    mails,
    origin,
    /** what APP_AUTH_URL would be */
    url: `${origin}/api/auth`,
    attach,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A port nothing listens on: bound, then released. */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** What these helpers use of an app's Better Auth (its inferred type depends on its options). */
type AppAuth = { api: { signInEmail(a: { body: { email: string; password: string }; returnHeaders: true }): Promise<{ headers: Headers }> } };

/** The plugins' endpoints: appAuthOptions builds the plugin list dynamically, so their types are erased. */
export const pluginApi = (auth: AppAuth) =>
  auth.api as unknown as {
    signInUsername(a: { body: { username: string; password: string } }): Promise<{ user: { id: string } } | null>;
    enableTwoFactor(a: { body: { password: string }; headers: Headers }): Promise<{ totpURI: string; backupCodes: string[] }>;
    generateTOTP(a: { body: { secret: string } }): Promise<{ code: string }>;
    verifyTOTP(a: { body: { code: string }; headers: Headers }): Promise<unknown>;
  };

/** Enrols a user in TOTP the way they would: sign in, enable, confirm with a current code. */
export async function enrolTwoFactor(auth: AppAuth, email: string, password: string) {
  const signedIn = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const headers = new Headers({ cookie: signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  const enabled = await pluginApi(auth).enableTwoFactor({ body: { password }, headers });
  const secret = base32Decode(new URL(enabled.totpURI).searchParams.get("secret") ?? "");
  const { code } = await pluginApi(auth).generateTOTP({ body: { secret } });
  await pluginApi(auth).verifyTOTP({ body: { code }, headers });
}

/** RFC 4648 base32, as in the otpauth:// URI Better Auth returns. */
function base32Decode(s: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of s.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes).toString("utf8");
}
