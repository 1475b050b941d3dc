import type { ActionEnv } from "../actions/runner";
import type { LastActive } from "../sessions/revoke";
import type { BulkInput } from "./schemas";
import type { TargetUser } from "./targets";

/**
 * One verb of the bulk action (`users.bulk`): the core's revokeSessions, and the verbs modules
 * contribute (the admin module's ban and unban, lib/actions/bulk-verbs.ts). The bulk action keeps
 * the selection, the staff protections, the signed preview and the audit record's shape; the verb
 * says whom it leaves alone and what it changes.
 */
export interface BulkVerb {
  /** refuses before anything is selected when this database cannot do it (409) */
  require?: (env: ActionEnv) => void;
  /** targets left alone (e.g. bans in force, unless replaceBans), counted in `skipped[key]` */
  skip?: { key: string; test: (input: BulkInput, u: TargetUser, now: Date) => boolean };
  /** what a preview's sample shows of a target besides id and email */
  sample?: (u: TargetUser) => Record<string, unknown>;
  run: (env: ActionEnv, ids: string[], input: BulkInput, act: readonly TargetUser[]) => Promise<BulkVerbOutcome>;
}

export interface BulkVerbOutcome {
  result: { usersChanged: number; sessionsRevoked: number };
  /** the audit record's after (the bulk action adds the result) */
  after: Record<string, unknown>;
  /** added to the audit record's before (e.g. the bans a ban replaced) */
  before?: Record<string, unknown>;
  lastActive?: LastActive;
}
