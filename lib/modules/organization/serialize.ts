import type { MembershipRow, OrganizationDetail, OrganizationRow } from "./queries";
import { rolesOf } from "./schema";

/** The API's shapes: dates as ISO strings, roles as arrays as well as the stored text. */
export const toApiOrganization = (r: OrganizationRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export function toApiOrganizationDetail(d: OrganizationDetail) {
  const member = (m: OrganizationDetail["members"][number]) => ({ ...m, roles: rolesOf(m.role), createdAt: m.createdAt.toISOString() });
  return {
    organization: { ...d.organization, createdAt: d.organization.createdAt.toISOString() },
    memberCount: d.memberCount,
    owners: d.owners.map(member),
    members: d.members.map(member),
    invitations: d.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    teams: d.teams,
  };
}

export const toApiMembership = (m: MembershipRow) => ({ ...m, roles: rolesOf(m.role), createdAt: m.createdAt.toISOString() });
