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
  timeout: 503,
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
