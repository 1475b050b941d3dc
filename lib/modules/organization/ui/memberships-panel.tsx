import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import type { UserPanelProps } from "../../types";
import { listUserMemberships } from "../queries";
import { rolesOf } from "../schema";

/** The user's organizations: which, with what role(s), since when. */
export default async function MembershipsPanel({ q, userId, now }: UserPanelProps) {
  const memberships = await listUserMemberships(q, userId);
  return (
    <section className="panel" aria-labelledby="memberships-title" data-testid="memberships-panel">
      <h2 id="memberships-title">Organizations</h2>
      {memberships.length === 0 ? (
        <p className="muted">Not a member of any organization.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
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
                    <span className="muted">{m.organizationSlug}</span>
                  </td>
                  <td>
                    {rolesOf(m.role).map((r) => (
                      <Badge key={r}>{r}</Badge>
                    ))}
                  </td>
                  <td className="nowrap">
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
