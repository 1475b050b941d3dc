import * as z from "zod";
import { modelNames } from "./modules";
import { defaultNaming, type NamingOptions } from "./db/naming";
import { type StaffRole, staffRoles } from "./auth/roles";
import { parseBasePath } from "./base-path.mjs";
import { CONFIG_VARS } from "./config-vars";

/**
 * All configuration comes from the environment (the dashboard stores nothing of its own).
 * Parsed once; a bad value stops the process with a message naming the variable.
 */
export interface Config {
  databaseUrl: string | undefined;
  /** a streaming replica for reads (read-after-write paths still use the primary) */
  readUrl: string | undefined;
  poolMax: number;
  statementTimeoutMs: number;
  /** how long to wait for a database connection before answering 503 */
  connectTimeoutMs: number;
  secret: string | undefined;
  /** the origin the dashboard is reached at (BETTER_AUTH_URL without the base path) */
  baseUrl: string;
  /** BASE_PATH: "" or "/admin"; where the pages, /api and the cookies live (lib/base-path.mjs) */
  basePath: string;
  /** app role (as stored in user.role) → staff role */
  staffRoleMap: Record<string, StaffRole>;
  naming: NamingOptions;
  redisUrl: string | undefined;
  /** bound on connecting to Redis and on every Redis command: past it the action fails with 503 */
  redisTimeoutMs: number;
  /** the app's session.cookieCache.maxAge: how long a revoked user may stay signed in */
  cookieCacheMaxAge: number;
  /** the app sets Better Auth's preserveSessionInDatabase: revoke expires rows instead of deleting */
  preserveSessions: boolean;
  /** proxies in front of the dashboard that append to X-Forwarded-For (0: use the socket's address) */
  trustedProxyHops: number;
  /** failed staff sign-ins allowed per window before attempts are refused unchecked (lib/auth/throttle.ts) */
  signInThrottle: { windowMs: number; perAccountAndAddress: number; perAccount: number; perAddress: number };
  /** GET /api/ready: bound on each check, and how long one verdict is reused */
  ready: { timeoutMs: number; cacheMs: number };
  /** SIGTERM/SIGINT: how long in-flight requests may take before the process exits anyway */
  shutdownTimeoutMs: number;
  /** warm the server at start (lib/warm-up.ts) */
  warmStart: boolean;
  /**
   * The app's own Better Auth (APP_AUTH_URL, e.g. https://app.example.com/api/auth), asked to send
   * password-reset and verification emails with its own templates; null: those actions are hidden.
   */
  appAuth: AppAuthConfig | null;
}

export interface AppAuthConfig {
  /** base URL of the app's Better Auth handler, without a trailing slash */
  url: string;
  /** where the reset link leads (the app's reset page); must be one of the app's trusted origins */
  resetRedirect: string | undefined;
  /** where the verification link leads after verifying */
  verifyRedirect: string | undefined;
  /** past this the app is treated as down (503) */
  timeoutMs: number;
}

export class ConfigError extends Error {}

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const mappingSchema = z.partialRecord(
  z.enum(modelNames as unknown as [string, ...string[]]),
  z.object({ modelName: z.string().min(1).optional(), fields: z.record(z.string(), z.string().min(1)).optional() }).strict(),
);

export function parseStaffRoleMap(value: string | undefined): Record<string, StaffRole> {
  if (!value?.trim()) return { admin: "admin", moderator: "moderator", support: "support" };
  const out: Record<string, StaffRole> = {};
  for (const pair of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [appRole, staffRole] = pair.split("=").map((s) => s.trim());
    if (!appRole || !staffRole || !(staffRoles as readonly string[]).includes(staffRole)) {
      throw new ConfigError(`STAFF_ROLES: "${pair}" should be appRole=${staffRoles.join("|")}`);
    }
    out[appRole] = staffRole as StaffRole;
  }
  return out;
}

export type Env = Record<string, string | undefined>;

export function parseNaming(env: Env): NamingOptions {
  let models: NamingOptions["models"] = {};
  if (env.AUTH_DB_MAPPING?.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(env.AUTH_DB_MAPPING);
    } catch {
      throw new ConfigError(`AUTH_DB_MAPPING is not valid JSON: ${env.AUTH_DB_MAPPING}`);
    }
    const parsed = mappingSchema.safeParse(json);
    if (!parsed.success) throw new ConfigError(`AUTH_DB_MAPPING: ${z.prettifyError(parsed.error)}`);
    models = parsed.data as NamingOptions["models"];
  }
  const casing = env.AUTH_DB_CASING?.trim() || "camel";
  if (casing !== "camel" && casing !== "snake") throw new ConfigError(`AUTH_DB_CASING must be camel or snake, not "${casing}"`);
  return { ...defaultNaming, schema: env.AUTH_DB_SCHEMA?.trim() || "public", casing, usePlural: flag(env, "AUTH_DB_PLURAL"), models };
}

const declared = new Set(CONFIG_VARS.map((v) => v.name));

/** A variable missing from lib/config-vars.ts would be missing from .env.example: refuse it outside production. */
export function checkDeclared(name: string): void {
  if (process.env.NODE_ENV !== "production" && !declared.has(name)) throw new Error(`${name} is not declared in lib/config-vars.ts`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  checkDeclared(name);
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, not "${raw}"`);
  return n;
}

function flag(env: Env, name: string, fallback = false): boolean {
  checkDeclared(name);
  const parsed = bool.safeParse(env[name]?.trim() || String(fallback));
  if (!parsed.success) throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
  return parsed.data;
}

/**
 * BASE_PATH, and BETTER_AUTH_URL reduced to its origin. The URL may name the base path too
 * (https://example.com/admin) but no other path: Better Auth would take any path on its baseURL for
 * its own route prefix, and a mismatch would put the cookies and redirects somewhere else.
 */
export function parsePublicUrl(env: Env, port: number): { baseUrl: string; basePath: string } {
  let basePath: string;
  try {
    basePath = parseBasePath(env.BASE_PATH);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const raw = env.BETTER_AUTH_URL?.trim() || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`BETTER_AUTH_URL must be a URL like https://admin.example.com, not "${raw}"`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path && path !== basePath) {
    throw new ConfigError(
      basePath
        ? `BETTER_AUTH_URL's path (${path}) must be BASE_PATH (${basePath}) or none`
        : `BETTER_AUTH_URL has a path (${path}): to serve the dashboard under it, set BASE_PATH=${path} as well`,
    );
  }
  return { baseUrl: url.origin, basePath };
}

function httpUrl(env: Env, name: string): string | undefined {
  checkDeclared(name);
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, not "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`${name} must be an http(s) URL, not "${raw}"`);
  return raw.replace(/\/$/, "");
}

export function parseAppAuth(env: Env): AppAuthConfig | null {
  const url = httpUrl(env, "APP_AUTH_URL");
  const resetRedirect = httpUrl(env, "APP_PASSWORD_RESET_REDIRECT");
  const verifyRedirect = httpUrl(env, "APP_VERIFICATION_REDIRECT");
  const timeoutMs = int(env, "APP_AUTH_TIMEOUT_MS", 5_000, 100, 60_000);
  if (!url) {
    if (resetRedirect || verifyRedirect) throw new ConfigError("APP_PASSWORD_RESET_REDIRECT / APP_VERIFICATION_REDIRECT need APP_AUTH_URL");
    return null;
  }
  return { url, resetRedirect, verifyRedirect, timeoutMs };
}

export function parseConfig(env: Env = process.env): Config {
  const port = int(env, "PORT", 3000, 1, 65535);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    readUrl: env.DATABASE_READ_URL?.trim() || undefined,
    poolMax: int(env, "DATABASE_POOL_MAX", 10, 1, 500),
    statementTimeoutMs: int(env, "DATABASE_STATEMENT_TIMEOUT_MS", 15_000, 100, 3_600_000),
    connectTimeoutMs: int(env, "DATABASE_CONNECT_TIMEOUT_MS", 3_000, 100, 120_000),
    secret: env.BETTER_AUTH_SECRET?.trim() || undefined,
    ...parsePublicUrl(env, port),
    staffRoleMap: parseStaffRoleMap(env.STAFF_ROLES),
    naming: parseNaming(env),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisTimeoutMs: int(env, "REDIS_TIMEOUT_MS", 2_000, 50, 60_000),
    cookieCacheMaxAge: int(env, "SESSION_COOKIE_CACHE_MAX_AGE", 0, 0, 31_536_000),
    preserveSessions: flag(env, "AUTH_PRESERVE_SESSION_IN_DATABASE"),
    trustedProxyHops: int(env, "TRUSTED_PROXY_HOPS", 0, 0, 10),
    signInThrottle: {
      windowMs: int(env, "SIGN_IN_WINDOW_MINUTES", 15, 1, 1440) * 60_000,
      perAccountAndAddress: int(env, "SIGN_IN_MAX_FAILURES", 5, 1, 1000),
      perAccount: int(env, "SIGN_IN_MAX_FAILURES_PER_ACCOUNT", 50, 1, 100_000),
      perAddress: int(env, "SIGN_IN_MAX_FAILURES_PER_ADDRESS", 20, 1, 100_000),
    },
    ready: { timeoutMs: int(env, "READY_TIMEOUT_MS", 2_000, 50, 60_000), cacheMs: int(env, "READY_CACHE_MS", 1_000, 0, 60_000) },
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    warmStart: flag(env, "WARM_START", true),
    appAuth: parseAppAuth(env),
  };
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= parseConfig();
  return cached;
}
