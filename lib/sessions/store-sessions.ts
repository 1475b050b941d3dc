import { createHash } from "node:crypto";
import { sessionFieldsOf } from "../modules";
import type { SessionRow } from "./queries";
import type { SessionStore, StoredSession } from "./store";

/**
 * Sessions read from the app's store (Redis) for one user, shaped like database rows. The token
 * never leaves the server: a session without an id is named by a hash of its token instead.
 */
export const storeSessionId = (s: Pick<StoredSession, "id" | "token">) =>
  s.id ?? `store-${createHash("sha256").update(s.token).digest("hex").slice(0, 24)}`;

export async function listStoreSessions(store: SessionStore, userId: string, now = new Date()) {
  const stored = await store.listUserSessions(userId);
  const sessions = stored.map(
    (s): SessionRow => ({
      id: storeSessionId(s),
      userId: s.userId,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      createdAt: s.createdAt ?? s.expiresAt,
      updatedAt: s.updatedAt ?? s.createdAt ?? s.expiresAt,
      expiresAt: s.expiresAt,
      ...sessionFieldsOf(s as unknown as Record<string, unknown>),
      active: s.expiresAt.getTime() > now.getTime(),
    }),
  );
  return { sessions, total: sessions.length, activeTotal: sessions.filter((s) => s.active).length, source: "store" as const };
}

/** The store session a dashboard id names (its own id, or the token-hash surrogate above). */
export async function findStoreSession(store: SessionStore, userId: string, sessionId: string) {
  return (await store.listUserSessions(userId)).find((s) => storeSessionId(s) === sessionId) ?? null;
}
