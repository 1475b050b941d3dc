import type { AccountRow } from "../accounts/queries";
import type { SessionRow } from "../sessions/queries";
import { sessionFieldsOf, userRowParts } from "../modules";
import { userFacts } from "./facts";
import type { UserRow } from "./queries";

/** The API's User: the core's keys, and after `role` the keys every registered module's row adds (userRow.api). */
export function toApiUser(u: UserRow, now: Date) {
  const facts = userFacts(u);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    emailVerified: u.emailVerified,
    image: u.image,
    role: u.role,
    ...(Object.assign({}, ...userRowParts.map((p) => p.api?.(facts, now) ?? {})) as Record<string, unknown>),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    lastActiveAt: u.lastActiveAt?.toISOString() ?? null,
    /** no session left: the last activity an audit record kept when the sessions were ended */
    keptActivity: u.keptActivity
      ? { lastActive: u.keptActivity.lastActive.toISOString(), endedAt: u.keptActivity.endedAt.toISOString(), action: u.keptActivity.action }
      : null,
  };
}
export type ApiUser = ReturnType<typeof toApiUser>;

export const toApiAccount = (a: AccountRow) => ({ id: a.id, providerId: a.providerId, accountId: a.accountId, createdAt: a.createdAt.toISOString() });

export const toApiSession = (s: SessionRow) => ({
  id: s.id,
  ipAddress: s.ipAddress,
  userAgent: s.userAgent,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  active: s.active,
  ...sessionFieldsOf(s as unknown as Record<string, unknown>),
});
