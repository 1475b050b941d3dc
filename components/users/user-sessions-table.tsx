import { tableClass } from "@/components/ui/table";
import Link from "next/link";
import type { SessionRow } from "@/lib/sessions/queries";
import { parseUserAgent } from "@/lib/sessions/user-agent";
import { RevokeSessionButton } from "../moderation/revoke-session-button";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { Badge } from "../ui/badge";
import { formatInteger, timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { panelClass } from "@/components/ui/panel";

interface Props {
  sessions: readonly SessionRow[];
  total: number;
  activeTotal: number;
  now: Date;
  /** impersonation is recorded only by the admin plugin */
  showImpersonation: boolean;
  /** set when the staff role may revoke sessions: adds a Revoke button to live sessions */
  revoke: RevokeNotes | null;
}

/**
 * The user's sessions, most recently refreshed first. A spam account can hold thousands, so the
 * query returns the newest few hundred and the heading says how many exist. The session token is
 * never selected, let alone shown.
 */
export function UserSessionsTable({ sessions, total, activeTotal, now, showImpersonation, revoke }: Props) {
  return (
    <section className={panelClass} aria-labelledby="sessions-title">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="sessions-title">Sessions</h2>
        <span className="text-muted-foreground">
          {formatInteger(activeTotal)} active of {formatInteger(total)}
          {total > sessions.length ? ` · showing ${formatInteger(sessions.length)} of ${formatInteger(total)}` : ""}
        </span>
      </div>
      {sessions.length === 0 ? (
        <p className="text-muted-foreground">No sessions recorded.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">IP address</th>
                <th scope="col">Device</th>
                <th scope="col">Created</th>
                <th scope="col">Last refreshed</th>
                <th scope="col">Expires</th>
                {showImpersonation ? <th scope="col">Impersonated by</th> : null}
                {revoke ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const ua = parseUserAgent(s.userAgent);
                return (
                  <tr key={s.id}>
                    <td>{s.active ? <Badge tone="success">Active</Badge> : <Badge>Expired</Badge>}</td>
                    <td>{s.ipAddress ? <code>{s.ipAddress}</code> : <span className="text-muted-foreground">—</span>}</td>
                    <td title={ua.raw || undefined}>
                      {ua.device}
                      {ua.browser || ua.os ? <span className="text-muted-foreground"> · {[ua.browser, ua.os].filter(Boolean).join(" · ")}</span> : null}
                    </td>
                    <td className="whitespace-nowrap">
                      <Time value={timeValue(s.createdAt, now)} mode="absolute" />
                    </td>
                    <td className="whitespace-nowrap">
                      <Time value={timeValue(s.updatedAt, now)} />
                    </td>
                    <td className="whitespace-nowrap">
                      <Time value={timeValue(s.expiresAt, now)} />
                    </td>
                    {showImpersonation ? (
                      <td>{s.impersonatedBy ? <Link href={`/users/${encodeURIComponent(s.impersonatedBy)}`}>{s.impersonatedBy}</Link> : <span className="text-muted-foreground">—</span>}</td>
                    ) : null}
                    {revoke ? (
                      <td className="w-px text-right whitespace-nowrap">
                        {s.active ? <RevokeSessionButton sessionId={s.id} userId={s.userId} label={`${s.ipAddress ?? "unknown IP"} · ${ua.device}`} notes={revoke} /> : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
