"use client";
import { tableClass } from "@/components/ui/table";
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
    <div className="flex flex-col gap-1.5">
      <p className="text-[13px] text-muted-foreground">Newest of them:</p>
      <div className="overflow-x-auto rounded-md border [&_table]:text-[12.5px]">
        <table className={tableClass}>
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
                  <span className="inline-block truncate align-bottom max-w-[22ch]" title={s.userAgent ?? undefined}>
                    {s.userAgent ?? "—"}
                  </span>
                </td>
                <td className="whitespace-nowrap">{formatDateTime(new Date(s.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > sample.length ? <p className="text-muted-foreground">and {(total - sample.length).toLocaleString("en")} more.</p> : null}
    </div>
  );
}
