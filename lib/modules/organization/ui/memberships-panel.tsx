import Link from "next/link";
import { tableClass } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import type { UserPanelProps } from "../../types";
import { listUserMemberships } from "../queries";
import { rolesOf } from "../schema";
import { panelClass } from "@/components/ui/panel";

/** The user's organizations: which, with what role(s), since when. */
export default async function MembershipsPanel({ q, userId, now }: UserPanelProps) {
  const memberships = await listUserMemberships(q, userId);
  return (
    <section className={panelClass} aria-labelledby="memberships-title" data-testid="memberships-panel">
      <h2 id="memberships-title">Organizations</h2>
      {memberships.length === 0 ? (
        <p className="text-muted-foreground">Not a member of any organization.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link href={`/organizations/${encodeURIComponent(m.organizationId)}`}>{m.organizationName}</Link>{" "}
                    <span className="text-muted-foreground">{m.organizationSlug}</span>
                  </td>
                  <td>
                    {rolesOf(m.role).map((r) => (
                      <Badge key={r}>{r}</Badge>
                    ))}
                  </td>
                  <td className="whitespace-nowrap">
                    <Time value={timeValue(m.createdAt, now)} mode="absolute" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
