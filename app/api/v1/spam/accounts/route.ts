import { apiRoute } from "@/lib/http/route";
import { getSpamResult } from "@/lib/spam/cache";
import { listSpamAccounts } from "@/lib/spam/queries";
import { parseSpamAccountsParams } from "@/lib/spam/search-params";
import { getUsersByIds } from "@/lib/users/queries";
import { toApiUser } from "@/lib/users/serialize";

// GET ?minScore=&since=&limit=&cursor= — without minScore, only accounts at or above "likely spam".
// `since` picks the scored window (7d, 30d default, 90d, 365d, all) or a date (see search-params.ts).
export const GET = apiRoute("spam.review", async ({ req, q }) => {
  const p = parseSpamAccountsParams(new URL(req.url).searchParams);
  const { result, ageMs } = await getSpamResult(q, { sinceDays: p.sinceDays });
  const page = await listSpamAccounts(q, result, { ...p, minScore: p.minScore ?? result.thresholds.likely });
  const users = await getUsersByIds(q, page.data.map((a) => a.userId));
  const now = new Date();
  return {
    data: page.data.flatMap((a) => {
      const user = users.get(a.userId);
      // An account deleted since the result was computed is simply gone.
      return user ? [{ user: toApiUser(user, now), score: a.score, flagged: a.score >= result.thresholds.likely, reasons: a.reasons }] : [];
    }),
    nextCursor: page.nextCursor,
    computedAt: result.computedAt.toISOString(),
    ageSeconds: Math.round(ageMs / 1000),
  };
});
