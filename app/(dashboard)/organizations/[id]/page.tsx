import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelInvitationButton, MemberActions } from "@/components/organizations/member-actions";
import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getReadDatabase } from "@/lib/db";
import { organizationsOn } from "@/lib/modules/organization/require";
import { getOrganization } from "@/lib/modules/organization/queries";
import { rolesOf } from "@/lib/modules/organization/schema";

export const metadata = { title: "Organization · Better Auth Admin" };

/** One organization: owners, members with roles, pending invitations, teams where the app has them. */
export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("organizations.read");
  const [{ id }, d] = await Promise.all([params, getReadDatabase(await headers())]);
  if (!organizationsOn(d)) notFound();
  const detail = await getOrganization(d, id);
  if (!detail) notFound();
  const now = new Date();
  const { organization, members, owners, invitations, teams, memberCount } = detail;
  // The UI offers only what this role may do; the server checks again on every action.
  const manage = can(staff.role, "organizations.manage");
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/organizations">Organizations</Link> <span aria-hidden="true">/</span> <span aria-current="page">{organization.name}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{organization.name}</h1>
          <p className="muted">
            <code>{organization.slug}</code> · created <Time value={timeValue(organization.createdAt, now)} mode="absolute" /> ·{" "}
            {memberCount.toLocaleString("en")} member{memberCount === 1 ? "" : "s"}
          </p>
        </div>
        {can(staff.role, "audit.read") ? (
          <div className="page-header-end">
            <Link href={`/audit?target=${encodeURIComponent(organization.id)}`} className="btn btn-sm btn-ghost">
              Audit log
            </Link>
          </div>
        ) : null}
      </header>

      <section className="panel" aria-labelledby="owners-title">
        <h2 id="owners-title">Owners</h2>
        {owners.length === 0 ? (
          <p className="alert alert-error">This organization has no owner.</p>
        ) : (
          <p data-testid="owners">
            {owners.map((o, i) => (
              <span key={o.id}>
                {i > 0 ? ", " : null}
                <Link href={`/users/${encodeURIComponent(o.userId)}`}>{o.email}</Link>
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {memberCount > members.length ? <p className="muted">The first {members.length.toLocaleString("en")} of {memberCount.toLocaleString("en")}, owners first.</p> : null}
        {members.length === 0 ? (
          <p className="muted">No members.</p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Members">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Joined</th>
                  {manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id} data-member={m.email}>
                    <td>
                      <Link href={`/users/${encodeURIComponent(m.userId)}`}>{m.email}</Link>
                    </td>
                    <td>{m.name}</td>
                    <td>
                      <span className="badge-list">
                        {rolesOf(m.role).map((r) => (
                          <Badge key={r}>{r}</Badge>
                        ))}
                      </span>
                    </td>
                    <td className="nowrap">
                      <Time value={timeValue(m.createdAt, now)} mode="absolute" />
                    </td>
                    {manage ? (
                      <td className="nowrap">
                        <MemberActions organizationId={organization.id} memberId={m.id} email={m.email} role={m.role} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="invitations-title">
        <h2 id="invitations-title">Pending invitations</h2>
        {invitations.length === 0 ? (
          <p className="muted">No pending invitation.</p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Pending invitations">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Expires</th>
                  {manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => (
                  <tr key={inv.id}>
                    <td>{inv.email}</td>
                    <td>{inv.role ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      <Time value={timeValue(inv.expiresAt, now)} mode="absolute" />
                    </td>
                    {manage ? (
                      <td>
                        <CancelInvitationButton organizationId={organization.id} invitationId={inv.id} email={inv.email} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {teams ? (
        <section className="panel" aria-labelledby="teams-title">
          <h2 id="teams-title">Teams</h2>
          {teams.length === 0 ? (
            <p className="muted">No teams.</p>
          ) : (
            <ul>
              {teams.map((t) => (
                <li key={t.id}>
                  {t.name} <span className="muted">({t.memberCount.toLocaleString("en")} member{t.memberCount === 1 ? "" : "s"})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
