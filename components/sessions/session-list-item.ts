import type { SessionListRow } from "@/lib/sessions/list";
import { type Device, parseUserAgent } from "@/lib/sessions/user-agent";
import { type TimeValue, timeValue } from "../ui/format";

/**
 * A sessions-table row for the client component: dates formatted on the server against one `now`,
 * the user agent parsed there too (ua-parser-js stays out of the browser bundle).
 */
export interface SessionListItem {
  id: string;
  userId: string;
  userEmail: string;
  userName: string;
  ipAddress: string | null;
  device: Device;
  createdAt: TimeValue;
  updatedAt: TimeValue;
  expiresAt: TimeValue;
  /** the modules' session columns (lib/modules `sessionRow.columns`), by column id */
  moduleValues?: Record<string, string | null>;
}

/** `columns`: the modules' session columns shown; their values travel with the row. */
export function toSessionListItem(s: SessionListRow, now: Date, columns: readonly { id: string; field: string }[] = []): SessionListItem {
  const fields = s as unknown as Record<string, unknown>;
  return {
    id: s.id,
    userId: s.userId,
    userEmail: s.userEmail,
    userName: s.userName,
    ipAddress: s.ipAddress,
    device: parseUserAgent(s.userAgent),
    createdAt: timeValue(s.createdAt, now),
    updatedAt: timeValue(s.updatedAt, now),
    expiresAt: timeValue(s.expiresAt, now),
    ...(columns.length ? { moduleValues: Object.fromEntries(columns.map((c) => [c.id, typeof fields[c.field] === "string" ? (fields[c.field] as string) : null])) } : {}),
  };
}

/** "Chrome 131 · Windows 10" after the device, as the user page shows it. */
export const deviceDetail = (d: Device) => [d.browser, d.os].filter(Boolean).join(" · ");
