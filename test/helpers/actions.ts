import type { ActionDeps } from "../../lib/actions/runner";
import type { StaffRole } from "../../lib/auth/roles";
import type { Staff } from "../../lib/auth/staff";
import { parseStaffRoleMap } from "../../lib/config";
import type { Database } from "../../lib/db/open";
import type { SessionStore } from "../../lib/sessions/store";

export const staffRoleMap = parseStaffRoleMap(undefined);

/** The fixture staff (test/helpers/fixtures.ts) as the action runner sees them. */
export const staffOf = {
  admin: { id: "u_alice", email: "alice@example.com", name: "Alice Admin", role: "admin", appRole: "user,admin" },
  moderator: { id: "u_moe", email: "moe@example.com", name: "Moe Moderator", role: "moderator", appRole: "moderator" },
  support: { id: "u_sue", email: "sue@example.com", name: "Sue Support", role: "support", appRole: "support" },
} as const satisfies Record<StaffRole, Staff>;

/** Dependencies for executeAction in tests; audit lines are captured instead of printed. */
export function depsFor(d: Database, staff: Staff, opts: { store?: SessionStore | null; preserveSessions?: boolean; now?: Date } = {}) {
  const lines: string[] = [];
  const deps: ActionDeps = {
    d,
    staff,
    request: { ip: "198.51.100.99", userAgent: "vitest" },
    store: opts.store ?? null,
    settings: { preserveSessions: opts.preserveSessions ?? false, staffRoleMap },
    now: opts.now,
    log: (l) => lines.push(l),
  };
  return { deps, lines, records: () => lines.map((l) => JSON.parse(l)) };
}
