/**
 * Expected failures carry a code and an HTTP status; anything else is a bug and surfaces as a 500
 * (logged, never swallowed). One map, used by route handlers and server actions alike.
 */
export const errorCodes = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** the app's own Better Auth answered with an error (its message is passed on) */
  bad_gateway: 502,
  timeout: 503,
  /** a dependency (the database, the session store) is down or not answering: retry later */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

export const badRequest = (message: string) => new AppError("invalid_request", message);
export const notFound = (message: string) => new AppError("not_found", message);

/** Postgres `statement_timeout` fired (SQLSTATE 57014): a missing index, not a crash. */
export function isStatementTimeout(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "57014";
}

/**
 * Postgres' "data exception" codes for a value it could not take: 22021 bad character (a NUL),
 * 22P02 invalid text representation, 22007/22008 invalid or out-of-range date/time, 22003 number
 * out of range. Validation should have refused such a value before any SQL ran; one that slips
 * through is still the caller's bad input (400), not a crash, but it is logged so the gap is seen.
 */
const INVALID_INPUT_STATES = new Set(["22021", "22P02", "22007", "22008", "22003"]);

export function invalidInputError(err: unknown): AppError | null {
  if (typeof err !== "object" || err === null) return null;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !INVALID_INPUT_STATES.has(code)) return null;
  console.error(`input rejected by the database (SQLSTATE ${code}; validation should have caught it):`, err);
  return badRequest(`invalid input: ${String(message)}`);
}

/**
 * Digest given to an "unavailable" error thrown while rendering a page: Next keeps a digest that is
 * already set, and production builds hide server messages, so this is how the error boundary tells
 * "the database is down" from a bug.
 */
export const UNAVAILABLE_DIGEST = "dependency-unavailable";

// Node's socket errors for a server that is gone, refusing, unreachable or not answering.
const NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
// SQLSTATEs of a server that cannot serve now: 57P01-03 shutdown / cannot connect now, 53300 too many connections.
const PG_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
// What pg and pg-pool say without a code: a connection that died, or none to be had in time.
const MESSAGES = [/^Connection terminated/i, /timeout exceeded when trying to connect/i, /^timeout expired$/i, /Connection ended unexpectedly/i, /Client has encountered a connection error/i];

/**
 * Is this error "the database (or another dependency) is not there", as opposed to a bug? One place
 * for every path (API routes, server actions, the staff check). Looks through `cause` chains and
 * AggregateErrors, since Better Auth and Node wrap the original error.
 *   ECONNREFUSED, ETIMEDOUT, …; pg "Connection terminated …"; pg-pool acquire timeout;
 *   SQLSTATE class 08 (connection exception), 57P01-03 (shutdown), 53300 (too many connections)
 */
export function isUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 6) return false;
  if (err instanceof AppError) return err.code === "unavailable";
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (NET_CODES.has(e.code) || PG_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnavailable(x, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1);
}

// What ioredis says when Redis is down or silent (the dashboard's clients are bounded: lib/sessions/redis-client.ts).
const REDIS_MESSAGES = [/^Command timed out$/, /^Connection is closed\.?$/, /Stream isn't writeable/, /max retries per request/i];

/** Is this (or its cause) ioredis saying Redis is down or did not answer in time? */
export function isRedisUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 6) return false;
  const message = (err as { message?: unknown }).message;
  if (typeof message === "string" && REDIS_MESSAGES.some((m) => m.test(message))) return true;
  return isRedisUnavailable((err as { cause?: unknown }).cause, depth + 1);
}

/** Statement timeout anywhere in the chain (Better Auth wraps the driver's error in its own). */
function hasStatementTimeout(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 6) return false;
  return isStatementTimeout(err) || hasStatementTimeout((err as { cause?: unknown }).cause, depth + 1);
}

/**
 * The AppError an error stands for, or null for a bug (which the caller logs and turns into a 500):
 * AppErrors as they are, a value Postgres refused as invalid input as a 400, a dead database as
 * `unavailable`, a statement timeout as `timeout`.
 */
export function expectedError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const input = invalidInputError(err);
  if (input) return input;
  if (hasStatementTimeout(err)) return new AppError("timeout", "The database took too long (statement timeout); an index is probably missing, or the database is overloaded.");
  // e.g. the staff check when staff sessions live in Redis (Better Auth wraps the ioredis error)
  if (isRedisUnavailable(err)) return new AppError("unavailable", "The session store (Redis) did not answer in time; nothing was changed. Try again shortly.");
  if (isUnavailable(err)) return new AppError("unavailable", "The database is unavailable (no connection, or it did not answer in time); nothing was changed. Try again shortly.");
  return null;
}
