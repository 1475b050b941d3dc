import { type Kysely, sql } from "kysely";
import type { ModelName } from "../modules";
import { type Naming, quoteIdent } from "../db/naming";
import { Random } from "./random";
import { SEED_ID_PREFIX } from "./rows";

const WORDS = ["Acme", "Blue", "North", "Pixel", "Cedar", "Quantum", "Harbor", "Orbit", "Maple", "Summit", "Nova", "Atlas", "River", "Copper", "Lumen", "Vertex"];
const KINDS = ["Labs", "Studio", "Systems", "Collective", "Works", "Partners", "Cloud", "Analytics", "Health", "Foods"];
const TEAMS = ["Engineering", "Design", "Sales", "Support", "Research"];
const DAY = 86_400_000;

type Row = Record<string, unknown>;

/** Rows keyed by logical field → physical columns, inserted in chunks (plain Kysely, physical names). */
async function insert(db: Kysely<any>, naming: Naming, model: ModelName, rows: Row[]) {
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000).map((r) => Object.fromEntries(Object.entries(r).map(([f, v]) => [naming.column(model, f), v])));
    if (chunk.length) await db.withSchema(naming.options.schema).insertInto(naming.table(model)).values(chunk).execute();
  }
}

/**
 * Demo organizations for Better Auth's organization plugin, over the seeded users: about one per 25
 * users, each with an owner (a few with two), 1–12 members with roles, some pending (and some
 * accepted or canceled) invitations, and teams in a third of them. Deterministic for a seed. Rows
 * carry the seed id prefix, so a reset removes them (see removeSeededOrganizations).
 */
export async function seedOrganizations(
  db: Kysely<any>,
  naming: Naming,
  // organizations: how many instead of one per 25 users (benchmarks: 150,000 over 1M users is ~1M memberships)
  opts: { seed: number; now?: Date; teams?: boolean; organizations?: number },
): Promise<{ organizations: number; members: number; invitations: number }> {
  const now = (opts.now ?? new Date()).getTime();
  const r = new Random(opts.seed ^ 0x0a9c);
  const uid = quoteIdent(naming.column("user", "id"));
  const { rows: users } = await sql<{ id: string }>`select ${sql.raw(uid)} as id from ${sql.raw(naming.qualified("user"))}
    where ${sql.raw(uid)} like ${`${SEED_ID_PREFIX}%`} order by ${sql.raw(uid)}`.execute(db);
  const count = users.length === 0 ? 0 : (opts.organizations ?? Math.max(1, Math.floor(users.length / 25)));
  const orgs: Row[] = [];
  const members: Row[] = [];
  const invitations: Row[] = [];
  const teams: Row[] = [];
  const teamMembers: Row[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${SEED_ID_PREFIX}org${String(i).padStart(5, "0")}`;
    const name = `${r.pick(WORDS)} ${r.pick(KINDS)}${i >= WORDS.length * KINDS.length ? ` ${i}` : ""}`;
    const createdAt = new Date(now - r.int(1, 400) * DAY);
    orgs.push({ id, name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i}`, logo: null, metadata: null, createdAt });
    const size = r.int(1, 12);
    const start = r.int(0, Math.max(0, users.length - size));
    const picked = users.slice(start, start + size);
    const owners = picked.length > 3 && r.chance(0.2) ? 2 : 1;
    picked.forEach((u, k) => {
      const role = k < owners ? "owner" : r.chance(0.2) ? "admin" : "member";
      members.push({ id: `${id}_m${k}`, organizationId: id, userId: u.id, role, createdAt: new Date(createdAt.getTime() + k * DAY) });
    });
    const inviter = picked[0]?.id;
    for (let k = 0, n = r.chance(0.5) ? r.int(1, 3) : 0; inviter && k < n; k++) {
      const status = k === 0 ? "pending" : r.pick(["pending", "accepted", "canceled"]);
      invitations.push({
        id: `${id}_i${k}`, organizationId: id, email: `invitee${i}-${k}@example.org`, role: r.chance(0.2) ? "admin" : "member", teamId: null,
        status, expiresAt: new Date(now + r.int(-5, 7) * DAY), createdAt: new Date(now - r.int(1, 10) * DAY), inviterId: inviter,
      });
    }
    if (opts.teams !== false && r.chance(0.33)) {
      const team = `${id}_t0`;
      const inTeam = picked.slice(0, Math.ceil(picked.length / 2));
      teams.push({ id: team, name: r.pick(TEAMS), memberCount: inTeam.length, organizationId: id, createdAt, updatedAt: null });
      teamMembers.push(...inTeam.map((u, k) => ({ id: `${team}_${k}`, teamId: team, userId: u.id, membershipKey: null, createdAt })));
    }
  }
  await db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx);
    await insert(trx, naming, "organization", orgs);
    await insert(trx, naming, "member", members);
    await insert(trx, naming, "invitation", invitations);
    if (opts.teams !== false) {
      await insert(trx, naming, "team", teams);
      await insert(trx, naming, "teamMember", teamMembers);
    }
  });
  return { organizations: orgs.length, members: members.length, invitations: invitations.length };
}
