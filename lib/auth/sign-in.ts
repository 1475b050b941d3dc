import { randomUUID } from "node:crypto";
import type { SignInThrottle } from "./throttle";

export interface SignInAttempt {
  email: string;
  ip: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  /** Better Auth's own response: 200 signed in, 401 wrong email or password (or not staff), other errors */
  | { kind: "answered"; response: Response }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * Every staff sign-in, from the form or the API, runs through here: the throttle first (a refused
 * attempt never reaches the password check), then Better Auth (`signIn` returns its Response, so no
 * `instanceof APIError` is needed: the route handler's bundle and the server action's may each carry
 * their own copy of that class), then the counters are settled from the status and a JSON line is
 * written for the operator's log.
 *
 * Failed and throttled attempts go to stdout only, not to the audit table: their volume is the
 * attacker's to choose, and an insert per guess would let them write to the app's database at will.
 */
export async function guardedSignIn(
  throttle: SignInThrottle,
  attempt: SignInAttempt,
  signIn: () => Promise<Response>,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const subject = { email, ip: attempt.ip };
  const line = (action: string, reason: string | null) =>
    log(JSON.stringify({ type: "audit", id: randomUUID(), at: new Date().toISOString(), action, email, ip: attempt.ip, userAgent: attempt.userAgent, reason }));

  const reservation = await throttle.reserve(subject);
  if (!reservation.allowed) {
    line("staff.signIn.throttled", "throttled");
    return { kind: "throttled", retryAfterSeconds: Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)) };
  }
  let response: Response;
  try {
    response = await signIn();
  } catch (err) {
    await throttle.release(subject);
    throw err;
  }
  if (response.status === 200) {
    await throttle.succeeded(subject);
    line("staff.signIn", null);
  } else if (response.status === 401) {
    // the reservation stays: this was a failed guess
    line("staff.signIn.failed", "bad credentials");
  } else {
    await throttle.release(subject);
  }
  return { kind: "answered", response };
}

export const throttledMessage = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
};

/** The API's 429, in Better Auth's error shape, with Retry-After. */
export const throttledResponse = (seconds: number) =>
  Response.json(
    { code: "TOO_MANY_ATTEMPTS", message: throttledMessage(seconds) },
    { status: 429, headers: { "retry-after": String(seconds), "cache-control": "no-store" } },
  );
