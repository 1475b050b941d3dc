/**
 * Every environment variable the dashboard reads, with its default and meaning: the one list that
 * `.env.example` is generated from (`npm run env:example`, lib/config-vars.ts → .env.example) and that
 * test/config-vars.test.ts checks the code against (every name read in lib/, scripts/, bin/, app/ is
 * declared here; every default here is what lib/config.ts / lib/spam/config.ts do when it is unset).
 * Plain data: no imports, so the generator and the test load it without the app.
 */
export interface ConfigVar {
  name: string;
  /** the value the code uses when unset, as it would be written in .env ("" for none) */
  default: string;
  meaning: string;
  group: string;
  /** where it is parsed; test/config-vars.test.ts checks `default` against that parser */
  parsedBy?: "config" | "spam";
}

const v = (group: string, name: string, def: string, meaning: string, parsedBy?: ConfigVar["parsedBy"]): ConfigVar => ({
  name,
  default: def,
  meaning,
  group,
  ...(parsedBy ? { parsedBy } : {}),
});

const DB = "Database";
const URL_ = "Dashboard URL and secret";
const SCHEMA = "The app's Better Auth schema (npx better-auth-admin --config derives these from auth.ts)";
const SESSIONS = "Sessions and Redis";
const STAFF = "Staff and sign-in";
const APP = "The app's own Better Auth (recovery emails)";
const SPAM = "Spam scoring";
const OPS = "Readiness and shutdown";
const LAUNCH = "Launcher (npm start, npx better-auth-admin)";

export const CONFIG_VARS: readonly ConfigVar[] = [
  v(DB, "DATABASE_URL", "", "the app's Postgres; unset: npm start runs an embedded demo database", "config"),
  v(DB, "DATABASE_READ_URL", "", "a streaming replica for reads; writes, and reads right after a write, go to DATABASE_URL", "config"),
  v(DB, "DATABASE_POOL_MAX", "10", "connections per dashboard instance (at most half of them run expensive searches at once)", "config"),
  v(DB, "DATABASE_STATEMENT_TIMEOUT_MS", "15000", "every query runs under this timeout: a missing index gives a clear message, not a hung page", "config"),
  v(DB, "DATABASE_CONNECT_TIMEOUT_MS", "3000", "how long a request waits for a database connection before answering 503", "config"),

  v(URL_, "BETTER_AUTH_SECRET", "", "secret for the dashboard's own session cookies (not the app's secret); required with DATABASE_URL", "config"),
  v(URL_, "BETTER_AUTH_URL", "http://localhost:3000", "the dashboard's public URL (http://localhost:$PORT); its path, if any, must be BASE_PATH", "config"),
  v(URL_, "BASE_PATH", "", "serve under a path, e.g. /admin (fixed when building); unset: the root", "config"),
  v(URL_, "PORT", "3000", "port of npm start (npx better-auth-admin: 3001)", "config"),
  v(URL_, "TRUSTED_PROXY_HOPS", "0", "reverse proxies in front that append to X-Forwarded-For; 0: the TCP peer is the client", "config"),

  v(SCHEMA, "AUTH_DB_SCHEMA", "public", "Postgres schema holding the Better Auth tables", "config"),
  v(SCHEMA, "AUTH_DB_CASING", "camel", "camel (emailVerified) or snake (email_verified)", "config"),
  v(SCHEMA, "AUTH_DB_PLURAL", "false", "Better Auth's usePlural (users, sessions, ...)", "config"),
  v(SCHEMA, "AUTH_DB_MAPPING", "", 'JSON for renamed tables and fields: {"user":{"modelName":"members","fields":{"email":"email_address"}}}', "config"),

  v(SESSIONS, "REDIS_URL", "", "the app's secondaryStorage Redis: revokes and bans also remove the sessions there", "config"),
  v(SESSIONS, "REDIS_KEY_PREFIX", "", "the prefix the app's secondaryStorage adapter puts in front of every key"),
  v(SESSIONS, "REDIS_TIMEOUT_MS", "2000", "bound on connecting to Redis and on every Redis command; past it an action answers 503", "config"),
  v(SESSIONS, "SESSION_COOKIE_CACHE_MAX_AGE", "0", "the app's session.cookieCache.maxAge in seconds: how long a revoked user may stay signed in", "config"),
  v(SESSIONS, "AUTH_PRESERVE_SESSION_IN_DATABASE", "false", "the app sets preserveSessionInDatabase: revoked rows are expired, not deleted", "config"),

  v(STAFF, "STAFF_ROLES", "admin=admin,moderator=moderator,support=support", "app role (user.role) = staff role (support, moderator, admin), comma-separated", "config"),
  v(STAFF, "SIGN_IN_MAX_FAILURES", "5", "failed staff sign-ins per account and client address per window, then 429", "config"),
  v(STAFF, "SIGN_IN_MAX_FAILURES_PER_ACCOUNT", "50", "failed sign-ins per account from all addresses per window", "config"),
  v(STAFF, "SIGN_IN_MAX_FAILURES_PER_ADDRESS", "20", "failed sign-ins per client address (IPv6: per /64) per window", "config"),
  v(STAFF, "SIGN_IN_WINDOW_MINUTES", "15", "the sign-in throttle's window, counted from the first failure", "config"),

  v(APP, "APP_AUTH_URL", "", "your app's Better Auth handler (https://app.example.com/api/auth); unset: reset/verification emails are disabled", "config"),
  v(APP, "APP_PASSWORD_RESET_REDIRECT", "", "redirectTo of reset emails: your app's reset-password page", "config"),
  v(APP, "APP_VERIFICATION_REDIRECT", "", "callbackURL of verification emails", "config"),
  v(APP, "APP_AUTH_TIMEOUT_MS", "5000", "how long to wait for the app's Better Auth before answering 503", "config"),

  v(SPAM, "SPAM_REVIEW_THRESHOLD", "35", "spam score from which an account is listed for review", "spam"),
  v(SPAM, "SPAM_LIKELY_THRESHOLD", "60", "spam score from which an account is marked likely spam", "spam"),
  v(SPAM, "SPAM_NATIVE_CLIENTS", "", "comma-separated user-agent fragments of your own native apps, never counted as bots", "spam"),

  v(OPS, "READY_TIMEOUT_MS", "2000", "GET /api/ready: bound on each check (database, Redis)", "config"),
  v(OPS, "READY_CACHE_MS", "1000", "GET /api/ready: how long one verdict is reused", "config"),
  v(OPS, "WARM_START", "true", "warm the server at start (connections, queries, every route's code) so the first requests are not slow; false: start cold", "config"),
  v(OPS, "SHUTDOWN_TIMEOUT_MS", "10000", "on SIGTERM/SIGINT, how long requests in flight may take before the process exits", "config"),

  v(LAUNCH, "HOST", "", "address to listen on; unset: 0.0.0.0 for npm start, localhost for npx better-auth-admin"),
  v(LAUNCH, "DASHBOARD_DATA_DIR", ".data", "where npm start keeps the embedded demo database and its secret"),
  v(LAUNCH, "DEMO_USERS", "5000", "users seeded into a new embedded demo database"),
];

/**
 * Read by the code but not for the operator to set, so left out of .env.example; each with the reason.
 */
export const NOT_CONFIGURATION: Readonly<Record<string, string>> = {
  NODE_ENV: "set by Next and the launchers",
  NEXT_RUNTIME: "set by Next (instrumentation.ts)",
  NEXT_PUBLIC_BASE_PATH: "set by next.config.mjs from BASE_PATH at build time",
  NEXT_MANUAL_SIG_HANDLE: "set by the launchers so lib/shutdown.ts drains requests",
  NEXT_TELEMETRY_DISABLED: "set by the launchers",
  HOSTNAME: "set by the launchers from HOST for Next's standalone server",
  TEST_DATABASE_URL: "tests only",
  BENCH_DATABASE_URL: "benchmarks only (npm run bench)",
  SEED_WORKERS: "benchmarks only: generator threads seeding the bench schema (default 3; 1 = the sequential data)",
};

/** The text of .env.example. */
export function renderEnvExample(vars: readonly ConfigVar[] = CONFIG_VARS): string {
  const lines = [
    "# Generated by `npm run env:example` from lib/config-vars.ts: edit that list, not this file.",
    "# Each line is commented out and shows the default (empty: none); BETTER_AUTH_SECRET is required with DATABASE_URL.",
  ];
  let group = "";
  for (const cv of vars) {
    if (cv.group !== group) {
      group = cv.group;
      lines.push("", `## ${group}`);
    }
    lines.push(`# ${cv.meaning}`, `# ${cv.name}=${cv.default}`);
  }
  return `${lines.join("\n")}\n`;
}
