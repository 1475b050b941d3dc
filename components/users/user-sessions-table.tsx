import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import type { SessionRow } from "@/lib/sessions/queries";
import { parseUserAgent } from "@/lib/sessions/user-agent";
import { RevokeSessionButton } from "../moderation/revoke-session-button";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { Badge } from "../ui/badge";
import { formatInteger, timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { Card, CardTitle, CardHeader } from "@/components/ui/card";

interface Props {
  sessions: readonly SessionRow[];
  total: number;
  activeTotal: number;
  now: Date;
  /** the session columns of the modules that are on (lib/modules `sessionRow.columns`): a user id, linked */
  moduleColumns: readonly { id: string; header: string; field: string }[];
  /** set when the staff role may revoke sessions: adds a Revoke button to live sessions */
  revoke: RevokeNotes | null;
}

/**
 * The user's sessions, most recently refreshed first. A spam account can hold thousands, so the
 * query returns the newest few hundred and the heading says how many exist. The session token is
 * never selected, let alone shown.
 */
export function UserSessionsTable({ sessions, total, activeTotal, now, moduleColumns, revoke }: Props) {
  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader>
        <CardTitle id="sessions-title">Sessions</CardTitle>
        <span className="text-muted-foreground">
          {formatInteger(activeTotal)} active of {formatInteger(total)}
          {total > sessions.length ? ` · showing ${formatInteger(sessions.length)} of ${formatInteger(total)}` : ""}
        </span>
      </CardHeader>
      <SimpleTable
        rows={sessions.map((s) => ({ ...s, ua: parseUserAgent(s.userAgent) }))}
        rowKey={(s) => s.id}
        empty="No sessions recorded."
        columns={[
          { header: "Status", cell: (s) => (s.active ? <Badge tone="success">Active</Badge> : <Badge>Expired</Badge>) },
          { header: "IP address", cell: (s) => (s.ipAddress ? <code>{s.ipAddress}</code> : <span className="text-muted-foreground">—</span>) },
          {
            header: "Device",
            cell: ({ ua }) => (
              <span title={ua.raw || undefined}>
                {ua.device}
                {ua.browser || ua.os ? <span className="text-muted-foreground"> · {[ua.browser, ua.os].filter(Boolean).join(" · ")}</span> : null}
              </span>
            ),
          },
          { header: "Created", className: "whitespace-nowrap", cell: (s) => <Time value={timeValue(s.createdAt, now)} mode="absolute" /> },
          { header: "Last refreshed", className: "whitespace-nowrap", cell: (s) => <Time value={timeValue(s.updatedAt, now)} /> },
          { header: "Expires", className: "whitespace-nowrap", cell: (s) => <Time value={timeValue(s.expiresAt, now)} /> },
          ...moduleColumns.map((c) => ({
            header: c.header,
            cell: (s: SessionRow) => {
              const by = (s as unknown as Record<string, unknown>)[c.field];
              return typeof by === "string" && by ? <Link href={`/users/${encodeURIComponent(by)}`}>{by}</Link> : <span className="text-muted-foreground">—</span>;
            },
          })),
          revoke !== null && {
            header: "Actions",
            srOnlyHeader: true,
            className: "w-px text-right whitespace-nowrap",
            cell: (s) => (s.active ? <RevokeSessionButton sessionId={s.id} userId={s.userId} label={`${s.ipAddress ?? "unknown IP"} · ${s.ua.device}`} notes={revoke} /> : null),
          },
        ]}
      />
    </Card>
  );
}
