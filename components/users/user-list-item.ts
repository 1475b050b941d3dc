import { type BanStatus, banStatusOf } from "@/lib/modules/admin/ban-status";
import type { ListColumn } from "@/lib/modules/types";
import type { UserRow } from "@/lib/users/queries";
import { formatDateTime, type TimeValue, timeValue } from "../ui/format";
import type { SpamCell } from "./spam-cell";

/**
 * What the users table needs of a row, serializable for the client component: dates become
 * TimeValues formatted on the server (against one `now`), and the effective ban status is resolved
 * here so the client never recomputes it with its own clock.
 */
export interface UserListItem {
  id: string;
  name: string;
  email: string;
  image: string | null;
  emailVerified: boolean;
  /** Better Auth's comma-separated role string, split */
  roles: string[];
  banStatus: BanStatus;
  banReason: string | null;
  banExpires: TimeValue | null;
  providers: string[];
  createdAt: TimeValue;
  lastActiveAt: TimeValue | null;
  /** no session left: the last activity the audit kept when sessions were ended, and by what */
  keptActivity: { lastActive: TimeValue; endedAt: string; action: string } | null;
  /** the modules' users-list columns (lib/modules `ui.listColumns`), by column id */
  moduleValues?: Record<string, string | boolean | null>;
  /** spam score column: absent when no result is shown, null when this user was not scored */
  spam?: SpamCell | null;
}

/** `columns`: the modules' list columns that are on; their values travel with the row. */
export function toUserListItem(u: UserRow, now: Date, bansTracked: boolean, columns: readonly ListColumn[] = []): UserListItem {
  return {
    ...(columns.length ? { moduleValues: Object.fromEntries(columns.map((c) => [c.id, cellValue(u.extra[c.field], c.kind)])) } : {}),
    id: u.id,
    name: u.name,
    email: u.email,
    image: u.image,
    emailVerified: u.emailVerified,
    roles: (u.role ?? "").split(",").map((r) => r.trim()).filter(Boolean),
    banStatus: bansTracked ? banStatusOf(u, now) : "active",
    banReason: u.banReason,
    banExpires: u.banExpires ? timeValue(u.banExpires, now) : null,
    providers: [...u.providers].sort(),
    createdAt: timeValue(u.createdAt, now),
    lastActiveAt: u.lastActiveAt ? timeValue(u.lastActiveAt, now) : null,
    keptActivity: u.keptActivity
      ? { lastActive: timeValue(u.keptActivity.lastActive, now), endedAt: formatDateTime(u.keptActivity.endedAt), action: u.keptActivity.action }
      : null,
  };
}

const cellValue = (v: unknown, kind: ListColumn["kind"]): string | boolean | null =>
  v === null || v === undefined ? null : kind === "boolean" ? v === true : String(v);
