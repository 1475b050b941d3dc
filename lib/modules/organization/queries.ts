import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import type { Q } from "../../db/context";
import { decodeCursor, isTimestampText, keysetPage } from "../../db/cursor";
import { has } from "../../db/introspect";
import type { DB, InvitationTable, MemberTable, OrganizationTable, TeamTable, UserTable } from "../../db/schema";
import { escapeLike } from "../../db/sql-patterns";
import { badRequest } from "../../errors";
import { OWNER_ROLE, rolesOf } from "./schema";
import type { OrganizationListParams } from "./search-params";

export type OrganizationRow = Pick<Selectable<OrganizationTable>, "id" | "name" | "slug" | "createdAt"> & { memberCount: number };

const SORT = "-createdAt";

/**
 * Organizations, newest first, keyset-paginated; `q` matches the name or the slug anywhere,
 * case-insensitively (lower(…) LIKE, served by the doctor's trigram indexes). The member count is
 * read afterwards for the organizations on the page only (one grouped count over member(organizationId)),
 * so a page costs the same whether there are 10 or 1M memberships in all.
 */
export async function listOrganizations(q: Q, p: OrganizationListParams) {
  const cursor = p.cursor ? decodeCursor(p.cursor, SORT) : null;
  if (cursor && !isTimestampText(cursor.value)) throw badRequest("cursor: malformed");
  let qb = q.db
    .selectFrom("organization")
    .select([
      "organization.id", "organization.name", "organization.slug", "organization.createdAt",
      sql<string>`cast(${sql.ref("organization.createdAt")} as text)`.as("sortValue"),
    ]);
  if (p.q) {
    const pattern = `%${escapeLike(p.q.toLowerCase())}%`;
    qb = qb.where((eb) =>
      eb.or([
        eb(eb.fn("lower", [eb.ref("organization.name")]), "like", pattern),
        eb(eb.fn("lower", [eb.ref("organization.slug")]), "like", pattern),
      ]),
    );
  }
  if (cursor) {
    qb = qb.where(sql<boolean>`(${sql.ref("organization.createdAt")}, ${sql.ref("organization.id")}) < (cast(${cursor.value} as timestamptz), ${cursor.id})`);
  }
  const rows = await qb.orderBy("organization.createdAt", "desc").orderBy("organization.id", "desc").limit(p.limit + 1).execute();
  const { page, nextCursor } = keysetPage(rows, p.limit, SORT);
  const counts = await memberCounts(q, page.map((r) => r.id));
  return {
    rows: page.map(({ sortValue: _, ...r }): OrganizationRow => ({ ...r, memberCount: counts.get(r.id) ?? 0 })),
    nextCursor,
  };
}

/** Member count per organization, for the given organizations only. */
async function memberCounts(q: Q, orgIds: string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await q.db
    .selectFrom("member")
    .select(["member.organizationId", (eb) => eb.fn.countAll<string>().as("n")])
    .where("member.organizationId", "in", orgIds)
    .groupBy("member.organizationId")
    .execute();
  return new Map(rows.map((r) => [r.organizationId, Number(r.n)]));
}

export type MemberRow = Pick<Selectable<MemberTable>, "id" | "userId" | "role" | "createdAt"> & {
  email: UserTable["email"];
  name: UserTable["name"];
  owner: boolean;
};
export type InvitationRow = Pick<Selectable<InvitationTable>, "id" | "email" | "role" | "status" | "expiresAt">;
export type TeamRow = Pick<Selectable<TeamTable>, "id" | "name"> & { memberCount: number };

export interface OrganizationDetail {
  organization: Pick<Selectable<OrganizationTable>, "id" | "name" | "slug" | "createdAt">;
  memberCount: number;
  /** members, owners first, then by join date; at most `limit` (memberCount says how many there are) */
  members: MemberRow[];
  owners: MemberRow[];
  /** pending invitations (status "pending"), newest first */
  invitations: InvitationRow[];
  /** null when the app has no team tables */
  teams: TeamRow[] | null;
}

/** One organization with its members, owners, pending invitations and teams; null when there is none. */
export async function getOrganization(q: Q, id: string, limit = 200): Promise<OrganizationDetail | null> {
  const organization = await q.db
    .selectFrom("organization")
    .select(["organization.id", "organization.name", "organization.slug", "organization.createdAt"])
    .where("organization.id", "=", id)
    .executeTakeFirst();
  if (!organization) return null;
  const [memberRows, count, owners, invitations, teams] = await Promise.all([
    membersQuery(q, id).orderBy("member.createdAt", "asc").orderBy("member.id", "asc").limit(limit).execute(),
    memberCounts(q, [id]),
    // owners separately: in a large organization they may not be among the first `limit` members
    membersQuery(q, id).where(ownerRole).orderBy("member.createdAt", "asc").limit(50).execute(),
    pendingInvitations(q, id),
    teamsOf(q, id),
  ]);
  const members = memberRows.map(withOwner);
  return {
    organization,
    memberCount: count.get(id) ?? 0,
    members: [...members.filter((m) => m.owner), ...members.filter((m) => !m.owner)],
    owners: owners.map(withOwner).filter((m) => m.owner),
    invitations,
    teams,
  };
}

const membersQuery = (q: Q, orgId: string) =>
  q.db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select(["member.id", "member.userId", "member.role", "member.createdAt", "user.email", "user.name"])
    .where("member.organizationId", "=", orgId);

/** Narrows by LIKE (the role column may list several roles); rolesOf decides exactly. */
const ownerRole = (eb: ExpressionBuilder<DB, "member" | "user">) =>
  eb("member.role", "like", `%${OWNER_ROLE}%`);

const withOwner = <R extends { role: string }>(r: R) => ({ ...r, owner: rolesOf(r.role).includes(OWNER_ROLE) });

async function pendingInvitations(q: Q, orgId: string): Promise<InvitationRow[]> {
  return q.db
    .selectFrom("invitation")
    .select(["invitation.id", "invitation.email", "invitation.role", "invitation.status", "invitation.expiresAt"])
    .where("invitation.organizationId", "=", orgId)
    .where("invitation.status", "=", "pending")
    .orderBy("invitation.expiresAt", "desc")
    .limit(200)
    .execute();
}

async function teamsOf(q: Q, orgId: string): Promise<TeamRow[] | null> {
  if (!has(q.caps, "team", "id") || !has(q.caps, "team", "organizationId") || !has(q.caps, "team", "name")) return null;
  const withMembers = has(q.caps, "teamMember", "teamId");
  const rows = await q.db
    .selectFrom("team")
    .select(["team.id", "team.name"])
    .$if(withMembers, (qb) =>
      qb.select((eb) => eb.selectFrom("teamMember").select(eb.fn.countAll<string>().as("n")).whereRef("teamMember.teamId", "=", "team.id").as("memberCount")),
    )
    .where("team.organizationId", "=", orgId)
    .orderBy("team.name")
    .limit(200)
    .execute();
  return rows.map((r) => {
    const row = r as typeof r & { memberCount?: string | number | null };
    return { id: row.id, name: row.name, memberCount: Number(row.memberCount ?? 0) };
  });
}

export type MembershipRow = Pick<Selectable<MemberTable>, "id" | "organizationId" | "role" | "createdAt"> & {
  organizationName: OrganizationTable["name"];
  organizationSlug: OrganizationTable["slug"];
};

/** A user's memberships (organization, role, joined), oldest first; bounded. */
export async function listUserMemberships(q: Q, userId: string, limit = 100): Promise<MembershipRow[]> {
  return q.db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select([
      "member.id", "member.organizationId", "member.role", "member.createdAt",
      "organization.name as organizationName", "organization.slug as organizationSlug",
    ])
    .where("member.userId", "=", userId)
    .orderBy("member.createdAt", "asc")
    .orderBy("member.id", "asc")
    .limit(limit)
    .execute();
}
