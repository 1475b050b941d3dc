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
  const mails: SentMail[] = [];
  let handler: ReturnType<typeof toNodeHandler> | null = null;
  const server: Server = createServer((req, res) => {
    if (handler) void handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  return {
    auth,
    mails,
    origin,
    /** what APP_AUTH_URL would be */
    url: `${origin}/api/auth`,
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
