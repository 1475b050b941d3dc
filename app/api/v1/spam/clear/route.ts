import { apiAction } from "@/lib/http/action-route";
import { clearSpamSpec } from "@/lib/spam/actions";

// POST { userIds, reason? } → { usersCleared }: "not spam", the accounts leave the review queue.
export const POST = apiAction(clearSpamSpec, ({ body }) => body);
