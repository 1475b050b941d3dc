import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import type { Q } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { getSpamResult } from "@/lib/spam/cache";
import { listSpamAccounts } from "@/lib/spam/queries";
import { parseSpamAccountsParams } from "@/lib/spam/search-params";
import { getUsersByIds } from "@/lib/users/queries";
import { pageSizes } from "@/lib/users/search-params";
import { flaggedBands, isFlaggedBand } from "./flagged-bands";
import { spamCellOf } from "./spam-cell";
import { type RowView, toUserListItem } from "./user-list-item";
import { type BulkOptions, UsersTable } from "./users-table";

interface Props {
  q: Q;
  /** the URL's `flagged`, `limit` and `cursor`, as typed */
  params: Record<string, string>;
  /** the modules that are on and the role's permission check, for each row's badges and menu */
  rowView: RowView;
  bulk: BulkOptions | null;
  now: Date;
}

/**
 * `/users?flagged=likely|review`: the spam review queue (keyset by score, cleared accounts and those a
 * module keeps out (a ban) left out) rendered with the users table's columns and bulk actions. Async, inside <Suspense>: the
 * first view may wait for a scoring run.
 */
export async function FlaggedUsers({ q, params, rowView, bulk, now }: Props) {
  const band = params.flagged;
  if (!isFlaggedBand(band)) return <InvalidView message={`flagged: must be one of ${flaggedBands.join(", ")}`} />;
  const { result, ageMs } = await getSpamResult(q);
  let page: Awaited<ReturnType<typeof listSpamAccounts>>;
  try {
    // The users table's page sizes and default, not the queue API's.
    const p = parseSpamAccountsParams({ limit: params.limit ?? String(pageSizes[0]), cursor: params.cursor });
    page = await listSpamAccounts(q, result, { limit: p.limit, cursor: p.cursor, minScore: result.thresholds[band] });
  } catch (err) {
    if (err instanceof AppError && err.code === "invalid_request") return <InvalidView message={err.message} />;
    throw err;
  }
  const users = await getUsersByIds(q, page.data.map((a) => a.userId));
  // An account deleted since the scoring is simply gone.
  const rows = page.data.flatMap((a) => {
    const u = users.get(a.userId);
    return u ? [{ ...toUserListItem(u, now, rowView), spam: spamCellOf(result, ageMs, now, u) }] : [];
  });
  return <UsersTable rows={rows} nextCursor={page.nextCursor} filtered columns="flagged" bulk={bulk} />;
}

function InvalidView({ message }: { message: string }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
      <p>
        <strong>This view cannot be shown:</strong> {message}
      </p>
      <Link href="/users" className={buttonVariants({ variant: "outline", size: "xs" })}>
        Show all users
      </Link>
    </div>
  );
}
