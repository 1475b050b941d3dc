import { headers } from "next/headers";
import { SimpleTable } from "@/components/ui/simple-table";
import { buttonVariants } from "@/components/ui/button";
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
import { Card, CardTitle } from "@/components/ui/card";

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
    <div className="flex min-w-0 flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-[13px] text-muted-foreground">
        <Link href="/organizations">Organizations</Link> <span aria-hidden="true">/</span> <span aria-current="page">{organization.name}</span>
      </nav>
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <div>
          <h1>{organization.name}</h1>
          <p className="text-muted-foreground">
            <code>{organization.slug}</code> · created <Time value={timeValue(organization.createdAt, now)} mode="absolute" /> ·{" "}
            {memberCount.toLocaleString("en")} member{memberCount === 1 ? "" : "s"}
          </p>
        </div>
        {can(staff.role, "audit.read") ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <Link href={`/audit?target=${encodeURIComponent(organization.id)}`} className={buttonVariants({ variant: "ghost", size: "xs" })}>
              Audit log
            </Link>
          </div>
        ) : null}
      </header>

      <Card aria-labelledby="owners-title">
        <CardTitle id="owners-title">Owners</CardTitle>
        {owners.length === 0 ? (
          <p className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">This organization has no owner.</p>
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
      </Card>

      <Card aria-labelledby="members-title">
        <CardTitle id="members-title">Members</CardTitle>
        {memberCount > members.length ? <p className="text-muted-foreground">The first {members.length.toLocaleString("en")} of {memberCount.toLocaleString("en")}, owners first.</p> : null}
        <SimpleTable
          rows={members}
          rowKey={(m) => m.id}
          rowData={(m) => ({ "data-member": m.email })}
          label="Members"
          empty="No members."
          columns={[
            { header: "Email", cell: (m) => <Link href={`/users/${encodeURIComponent(m.userId)}`}>{m.email}</Link> },
            { header: "Name", cell: (m) => m.name },
            {
              header: "Role",
              cell: (m) => (
                <span className="flex flex-wrap gap-1">
                  {rolesOf(m.role).map((r) => (
                    <Badge key={r}>{r}</Badge>
                  ))}
                </span>
              ),
            },
            { header: "Joined", className: "whitespace-nowrap", cell: (m) => <Time value={timeValue(m.createdAt, now)} mode="absolute" /> },
            manage && {
              header: "Actions",
              srOnlyHeader: true,
              className: "whitespace-nowrap",
              cell: (m) => <MemberActions organizationId={organization.id} memberId={m.id} email={m.email} role={m.role} />,
            },
          ]}
        />
      </Card>

      <Card aria-labelledby="invitations-title">
        <CardTitle id="invitations-title">Pending invitations</CardTitle>
        <SimpleTable
          rows={invitations}
          rowKey={(inv) => inv.id}
          label="Pending invitations"
          empty="No pending invitation."
          columns={[
            { header: "Email", cell: (inv) => inv.email },
            { header: "Role", cell: (inv) => inv.role ?? <span className="text-muted-foreground">—</span> },
            { header: "Expires", className: "whitespace-nowrap", cell: (inv) => <Time value={timeValue(inv.expiresAt, now)} mode="absolute" /> },
            manage && {
              header: "Actions",
              srOnlyHeader: true,
              cell: (inv) => <CancelInvitationButton organizationId={organization.id} invitationId={inv.id} email={inv.email} />,
            },
          ]}
        />
      </Card>

      {teams ? (
        <Card aria-labelledby="teams-title">
          <CardTitle id="teams-title">Teams</CardTitle>
          {teams.length === 0 ? (
            <p className="text-muted-foreground">No teams.</p>
          ) : (
            <ul>
              {teams.map((t) => (
                <li key={t.id}>
                  {t.name} <span className="text-muted-foreground">({t.memberCount.toLocaleString("en")} member{t.memberCount === 1 ? "" : "s"})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
