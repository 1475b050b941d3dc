import type { Permission } from "../auth/permissions";
import type { StaffRole } from "../auth/roles";
import type { Staff } from "../auth/staff";
import type { Q } from "../db/context";
import { previewBulk } from "../moderation/bulk-actions";
import { bulkPreviewInput, revokeFilterInput } from "../moderation/schemas";
import { previewRevokeAll, previewRevokeFilter } from "../moderation/session-actions";
import { parseInput } from "./runner";

/**
 * The read-only previews shown before a bulk action, a filtered revoke or "revoke everyone": each
 * takes the UI's raw input and validates it like an action (parseInput: guard, then zod). The server
 * actions (lib/modules/core/actions/preview-*.action.ts) wrap these with the staff check; tests call them directly.
 */
export const previews = {
  bulk: {
    permission: "users.bulk",
    run: (q: Q, staff: Staff, raw: unknown, staffRoleMap: Record<string, StaffRole>) => previewBulk(q, parseInput(bulkPreviewInput, raw), staff, staffRoleMap),
  },
  revokeFilter: {
    permission: "sessions.revokeFilter",
    run: (q: Q, staff: Staff, raw: unknown, staffRoleMap: Record<string, StaffRole>) =>
      previewRevokeFilter(q, parseInput(revokeFilterInput, raw).filter, staff, staffRoleMap),
  },
  revokeAll: {
    permission: "sessions.revokeAll",
    run: (q: Q, staff: Staff) => previewRevokeAll(q, staff),
  },
} as const satisfies Record<string, { permission: Permission; run: (...args: never[]) => Promise<unknown> }>;
