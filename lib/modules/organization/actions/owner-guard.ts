import type { Selectable } from "kysely";
import type { ActionEnv } from "../../../actions/runner";
import type { MemberTable } from "../../../db/schema";
import { AppError, notFound } from "../../../errors";
import { requireOrganizations } from "../require";
import { OWNER_ROLE, rolesOf } from "../schema";

export type LockedMember = Pick<Selectable<MemberTable>, "id" | "organizationId" | "userId" | "role" | "createdAt">;

/**
 * Locks an organization for a membership change and returns the target member, locked.
 *
 * "Never without an owner", under concurrency: two staff members demoting (or removing) the last
 * two owners at once would each see the other as the remaining owner and both commit. So every
 * membership action first locks the organization's row (FOR UPDATE: dashboard actions on one
 * organization serialise, other organizations are untouched), then the owner rows (FOR UPDATE, so
 * an owner row the app itself is changing is waited for too); the count of the other owners is
 * then read after the previous action committed (READ COMMITTED: a new statement, a new snapshot).
 *
 *   select id from organization where id = $1 for update;
 *   select id, role from member where organizationId = $1 and role like '%owner%' for update;
 */
export async function lockMember(env: ActionEnv, organizationId: string, memberId: string) {
  requireOrganizations(env.q);
  const org = await env.q.db.selectFrom("organization").select(["organization.id", "organization.name"]).where("organization.id", "=", organizationId).forUpdate().executeTakeFirst();
  if (!org) throw notFound(`No organization with id ${organizationId}`);
  const owners = (
    await env.q.db
      .selectFrom("member")
      .select(["member.id", "member.role"])
      .where("member.organizationId", "=", organizationId)
      .where("member.role", "like", `%${OWNER_ROLE}%`)
      .forUpdate()
      .execute()
  ).filter((m) => rolesOf(m.role).includes(OWNER_ROLE));
  const member = await env.q.db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select(["member.id", "member.organizationId", "member.userId", "member.role", "member.createdAt", "user.email"])
    .where("member.id", "=", memberId)
    .where("member.organizationId", "=", organizationId)
    .forUpdate("member")
    .executeTakeFirst();
  if (!member) throw notFound(`No member ${memberId} in organization ${organizationId}`);
  return { org, member, ownerIds: owners.map((o) => o.id) };
}

/** Refuses (409) a change that would leave the organization with no owner. */
export function keepAnOwner(ownerIds: readonly string[], memberId: string, stillOwner: boolean) {
  if (stillOwner || !ownerIds.includes(memberId)) return;
  if (!ownerIds.some((id) => id !== memberId)) {
    throw new AppError("conflict", "This is the organization's last owner: make another member owner first.");
  }
}
