import type { AppAuthConfig } from "../config";
import { AppError } from "../errors";

/** What the app's Better Auth answered: its status and, when it sent one, its message. */
export interface AppAnswer {
  status: number;
  message: string | null;
}

/**
 * POSTs to one endpoint of the app's own Better Auth (APP_AUTH_URL), e.g. `request-password-reset`.
 *
 * Better Auth checks the Origin of a POST against its trusted origins whenever one is sent, and
 * refuses a browser-looking request without one; the dashboard speaks for the app, so it sends the
 * app's own origin (always trusted) and no cookie. Bounded by `timeoutMs`: an app that is down or
 * silent is a 503 quickly, and one that answers with an error is a 502 carrying its message. Either
 * way the caller's transaction rolls back, so nothing is audited as done.
 */
export async function postAppAuth(app: AppAuthConfig, endpoint: string, body: Record<string, unknown>): Promise<AppAnswer> {
  const url = `${app.url}/${endpoint}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(app.url).origin },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(app.timeoutMs),
    });
  } catch (err) {
    const why = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") ? `did not answer within ${app.timeoutMs} ms` : "could not be reached";
    console.warn(`app auth ${endpoint}: ${why}`, err instanceof Error ? (err.cause ?? err.message) : err);
    throw new AppError("unavailable", `The app's Better Auth (${app.url}) ${why}: nothing was sent. Try again later.`);
  }
  const message = await readMessage(res);
  if (!res.ok) {
    throw new AppError("bad_gateway", `The app's Better Auth refused (HTTP ${res.status}${message ? `: ${message}` : ""}); nothing was sent.`);
  }
  return { status: res.status, message };
}

/** Better Auth answers `{ message, code }` on errors and `{ status, message? }` on success. */
async function readMessage(res: Response): Promise<string | null> {
  // The status already says what happened; a body cut off by the timeout only loses the wording.
  const text = await res.text().catch(() => "");
  try {
    const json = JSON.parse(text) as { message?: unknown; code?: unknown };
    if (typeof json.message === "string") return json.message.slice(0, 300);
    if (typeof json.code === "string") return json.code.slice(0, 300);
  } catch {}
  return text.trim() ? text.trim().slice(0, 300) : null;
}
