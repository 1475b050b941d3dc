import { type RowBadge, type RowMenuItem, rowBadges, rowMenu } from "@/lib/modules";
import type { ListColumn } from "@/lib/modules/types";
import { userFacts } from "@/lib/users/facts";
import type { UserRow } from "@/lib/users/queries";
import { formatDateTime, type TimeValue, timeValue } from "../ui/format";
import type { SpamCell } from "./spam-cell";

/**
 * What the users table needs of a row, serializable for the client component: dates become
 * TimeValues formatted on the server (against one `now`), and what the modules say of the row (its
 * state badges, its menu items) is resolved here, so the client never recomputes it with its own clock.
 */
export interface UserListItem {
  id: string;
  name: string;
  email: string;
  image: string | null;
  emailVerified: boolean;
  /** Better Auth's comma-separated role string, split */
  roles: string[];
  /** the modules' state badges (lib/modules `userRow.badges`), e.g. a ban in force */
  badges: RowBadge[];
  /** the modules' row-menu items this role may use on this user (`userRow.menu`) */
  menu: RowMenuItem[];
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

/** Whose row it is rendered for: the modules that are on, and the signed-in role's permission check. */
export interface RowView {
  on: ReadonlySet<string>;
  may: (permission: string) => boolean;
}

/** `columns`: the modules' list columns that are on; their values travel with the row. */
export function toUserListItem(u: UserRow, now: Date, view: RowView, columns: readonly ListColumn[] = []): UserListItem {
  const facts = userFacts(u);
  return {
    ...(columns.length ? { moduleValues: Object.fromEntries(columns.map((c) => [c.id, cellValue(u.extra[c.field], c.kind)])) } : {}),
    id: u.id,
    name: u.name,
    email: u.email,
    image: u.image,
    emailVerified: u.emailVerified,
    roles: (u.role ?? "").split(",").map((r) => r.trim()).filter(Boolean),
    badges: rowBadges(view.on, facts, now),
    menu: rowMenu(view.on, facts, now, view.may),
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
