import { apiAction } from "@/lib/http/action-route";
import { unclearSpamSpec } from "@/lib/spam/actions";

// POST { userIds, reason? } → { usersRestored }: undoes "not spam", the accounts are back in the queue.
export const POST = apiAction(unclearSpamSpec, ({ body }) => body);
