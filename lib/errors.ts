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
