import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import type { UserPanelProps } from "../../types";
import { listUserMemberships } from "../queries";
import { rolesOf } from "../schema";
import { Card, CardTitle } from "@/components/ui/card";

/** The user's organizations: which, with what role(s), since when. */
export default async function MembershipsPanel({ q, userId, now }: UserPanelProps) {
  const memberships = await listUserMemberships(q, userId);
  return (
    <Card aria-labelledby="memberships-title" data-testid="memberships-panel">
      <CardTitle id="memberships-title">Organizations</CardTitle>
      <SimpleTable
        rows={memberships}
        rowKey={(m) => m.id}
        empty="Not a member of any organization."
        columns={[
          {
            header: "Organization",
            cell: (m) => (
              <>
                <Link href={`/organizations/${encodeURIComponent(m.organizationId)}`}>{m.organizationName}</Link>{" "}
                <span className="text-muted-foreground">{m.organizationSlug}</span>
              </>
            ),
          },
          { header: "Role", cell: (m) => rolesOf(m.role).map((r) => <Badge key={r}>{r}</Badge>) },
          { header: "Joined", className: "whitespace-nowrap", cell: (m) => <Time value={timeValue(m.createdAt, now)} mode="absolute" /> },
        ]}
      />
    </Card>
  );
}
