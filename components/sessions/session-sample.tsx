"use client";
import Link from "next/link";
import { formatDateTime } from "../ui/format";
import { IpAddress } from "./ip-address";

export interface SampleSession {
  id: string;
  userId: string;
  userEmail: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

/** Up to 10 of the sessions a revoke would end, newest first, so a wrong filter shows in time. */
export function SessionSample({ sample, total }: { sample: readonly SampleSession[]; total: number }) {
  if (sample.length === 0) return null;
  return (
    <div className="sample">
      <p className="sample-title">Newest of them:</p>
      <div className="table-scroll sample-table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">IP address</th>
              <th scope="col">User agent</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {sample.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/users/${encodeURIComponent(s.userId)}`} target="_blank">
                    {s.userEmail}
                  </Link>
                </td>
                <td>
                  <IpAddress value={s.ipAddress} />
                </td>
                <td>
                  <span className="truncate ua-short" title={s.userAgent ?? undefined}>
                    {s.userAgent ?? "—"}
                  </span>
                </td>
                <td className="nowrap">{formatDateTime(new Date(s.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > sample.length ? <p className="muted">and {(total - sample.length).toLocaleString("en")} more.</p> : null}
    </div>
  );
}
