import { bulkBan, bulkUnban } from "../modules/admin/actions/bulk-ban";
import type { BulkVerb } from "../moderation/bulk-verb";

/**
 * The bulk action's verbs that modules contribute, by the name the API takes (`action` of
 * POST /api/v1/users/bulk). Like registry.ts, a catalogue: the one place that lists them.
 */
export const moduleBulkVerbs = { ban: bulkBan, unban: bulkUnban } as const satisfies Record<string, BulkVerb>;
