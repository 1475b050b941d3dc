import { guardAdminRemoval } from "../../../moderation/admin-guard";
import type { BulkVerb } from "../../../moderation/bulk-verb";
import { banEnd } from "../../../moderation/schemas";
import { banFields, banState, banUsers, effectivelyBanned, requireBans, unbanUsers } from "./ban-users";

/** The admin plugin's verbs of the bulk action (users.bulk.ban, users.bulk.unban). */

/** A bulk ban skips bans in force unless replaceBans: it never silently rewrites a ban someone set. */
const alreadyBanned = { key: "alreadyBanned", test: (input, u, now) => !input.replaceBans && effectivelyBanned(u, now) } satisfies BulkVerb["skip"];

export const bulkBan: BulkVerb = {
  require: requireBans,
  skip: alreadyBanned,
  sample: banFields,
  async run(env, ids, input, act) {
    await guardAdminRemoval(env, ids);
    const expiresAt = banEnd(input, env.now);
    const r = await banUsers(env, ids, { reason: input.reason ?? "", expiresAt });
    const previouslyBanned = act.filter((u) => banState(u).banned === true);
    // A replaced ban is not lost: its reason and end stay in the audit record.
    const previousBans = previouslyBanned.map((u) => ({ id: u.id, banReason: banState(u).banReason, banExpires: banState(u).banExpires?.toISOString() ?? null }));
    return {
      result: { usersChanged: r.users, sessionsRevoked: r.sessions },
      lastActive: r.lastActive,
      before: { previouslyBanned: previouslyBanned.length, ...(previousBans.length ? { previousBans } : {}) },
      after: { banned: true, banReason: input.reason, banExpires: expiresAt?.toISOString() ?? null },
    };
  },
};

export const bulkUnban: BulkVerb = {
  require: requireBans,
  sample: banFields,
  async run(env, ids, _input, act) {
    const r = await unbanUsers(env, ids);
    return {
      result: { usersChanged: r.users, sessionsRevoked: 0 },
      before: { previouslyBanned: act.filter((u) => banState(u).banned === true).length },
      after: { banned: false, banReason: null, banExpires: null },
    };
  },
};
