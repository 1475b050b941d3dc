import { buttonVariants } from "@/components/ui/button";
import { headers } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { TableTransitionProvider } from "@/components/data-table/table-transition";
import { revokeNotes } from "@/components/moderation/revoke-notes";
import { searchPlaceholder } from "@/components/users/search-hint";
import { SearchEstimate } from "@/components/users/search-estimate";
import { UserCount } from "@/components/users/user-count";
import { toUserListItem } from "@/components/users/user-list-item";
import { FlaggedUsers } from "@/components/users/flagged-users";
import { spamCellOf } from "@/components/users/spam-cell";
import { UsersTable } from "@/components/users/users-table";
import { ScoringFallback } from "@/components/spam/scoring-fallback";
import { UsersToolbar } from "@/components/users/users-toolbar";
import { ExportButton } from "@/components/data-table/export-button";
import { anyUserAction, userPermissions } from "@/components/users/user-permissions";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getConfig } from "@/lib/config";
import type { Q } from "@/lib/db/context";
import { getReadDatabase } from "@/lib/db";
import { has } from "@/lib/db/introspect";
import { AppError, isStatementTimeout } from "@/lib/errors";
import { enabledListColumns, moduleSignInOptions } from "@/lib/modules";
import { peekSpamResult } from "@/lib/spam/cache";
import { listUsers } from "@/lib/users/queries";
import { searchScans } from "@/lib/users/search-estimate";
import { hasFilters, listFilterViews, parseUserListParams, toRecord, type UserListParams, userExportSchema, userFilterKeys } from "@/lib/users/list-params";

export const metadata = { title: "Users · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Parse the URL and load one page; a bad URL or a slow query becomes a message, not a 500. */
async function loadUsers(q: Q, raw: SearchParams, now: Date) {
  try {
    const params = parseUserListParams(raw, { ignoreUnknown: true });
    const page = await listUsers(q, params, now);
    return { kind: "ok", params, ...page } as const;
  } catch (err) {
    if (err instanceof AppError && err.code === "invalid_request") return { kind: "invalid", message: err.message } as const;
    if (isStatementTimeout(err)) return { kind: "timeout" } as const;
    throw err;
  }
}

const filterKeys = userFilterKeys;

/** The URL's filters as the bulk action takes them (strings, as typed), or null when none is set. */
function filterOf(raw: SearchParams, params: UserListParams): Record<string, string> | null {
  if (!hasFilters(params)) return null;
  const record = toRecord(raw);
  return Object.fromEntries(filterKeys.flatMap((k) => (record[k] ? [[k, record[k]]] : [])));
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("users.read");
  const [raw, d] = await Promise.all([searchParams, getReadDatabase(await headers())]);
  const now = new Date();
  // the modules that are on, for the bulk bar (their verbs)
  const modulesOn = [...d.caps.modules];
  // the modules' users-list columns that are on, shown only where their column exists
  const moduleColumns = enabledListColumns(d.caps.modules).filter((c) => has(d.caps, "user", c.field));
  const spamReview = can(staff.role, "spam.review");
  // A finished scoring if one is cached: the list shows scores for free but never starts a scoring.
  const peek = spamReview ? peekSpamResult(d) : null;
  const spam = spamReview ? { thresholds: peek?.result.thresholds ?? null } : null;
  const notes = revokeNotes(getConfig());
  const permissions = userPermissions(staff.role, d.caps.modules);
  // what the modules say of each row (badges, menu items), for this role
  const rowView = { on: d.caps.modules, may: (p: string) => can(staff.role, p as Permission) };
  const rowActions = anyUserAction(permissions) ? { can: permissions, notes } : null;
  const record = toRecord(raw);
  if (spamReview && record.flagged) {
    return (
      <div className="flex min-w-0 flex-col gap-4">
        <header className="page-header flex flex-wrap items-baseline gap-3">
          <h1>Users</h1>
          <span className="count text-muted-foreground tabular-nums">Flagged by the spam score, highest score first</span>
        </header>
        <TableTransitionProvider>
          <UsersToolbar moduleFilters={listFilterViews(d.caps)} signInOptions={moduleSignInOptions} searchPlaceholder={searchPlaceholder(d.caps)} spam={spam} />
          <Suspense fallback={<ScoringFallback />}>
            <FlaggedUsers q={d} params={record} rowView={rowView} bulk={can(staff.role, "users.bulk") ? { modules: modulesOn, filter: null, notes } : null} now={now} />
          </Suspense>
        </TableTransitionProvider>
      </div>
    );
  }
  const result = await loadUsers(d, raw, now);

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Users</h1>
        {result.kind === "ok" ? (
          // Keyed by the whole query: a new boundary per view shows its fallback at once instead of
          // holding the new rows back until the new count is ready.
          <Suspense key={new URLSearchParams(toRecord(raw)).toString()} fallback={<span className="count tabular-nums text-muted-foreground">Counting…</span>}>
            <UserCount q={d} filters={result.params} now={now} />
          </Suspense>
        ) : null}
        <div className="ml-auto">
          <ExportButton endpoint="/api/v1/users/export" keys={Object.keys(userExportSchema.shape)} />
        </div>
      </header>
      <TableTransitionProvider>
        <UsersToolbar moduleFilters={listFilterViews(d.caps)} signInOptions={moduleSignInOptions} searchPlaceholder={searchPlaceholder(d.caps)} spam={spam} />
        {result.kind === "ok" && searchScans(d.caps, result.params.q) ? (
          <Suspense fallback={null}>
            <SearchEstimate q={d} admin={staff.role === "admin"} />
          </Suspense>
        ) : null}
        {result.kind === "ok" ? (
          <UsersTable
            rows={result.rows.map((u) => (peek ? { ...toUserListItem(u, now, rowView, moduleColumns), spam: spamCellOf(peek.result, peek.ageMs, now, u) } : toUserListItem(u, now, rowView, moduleColumns)))}
            nextCursor={result.nextCursor}
            filtered={hasFilters(result.params)}
            bulk={can(staff.role, "users.bulk") ? { modules: modulesOn, filter: filterOf(raw, result.params), notes } : null}
            columns={peek ? "score" : "list"}
            total={
              <Suspense key={new URLSearchParams(toRecord(raw)).toString()} fallback="…">
                <UserCount q={d} filters={result.params} now={now} inline />
              </Suspense>
            }
            rowActions={rowActions}
            moduleColumns={moduleColumns}
          />
        ) : result.kind === "invalid" ? (
          <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
            <p>
              <strong>This view cannot be shown:</strong> {result.message}
            </p>
            <Link href="/users" className={buttonVariants({ variant: "outline", size: "xs" })}>
              Reset filters
            </Link>
          </div>
        ) : (
          <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
            <p>
              <strong>The query took too long.</strong> An index is probably missing for this filter or sort; <code>npm run doctor</code> checks.
            </p>
            <Link href="/users" className={buttonVariants({ variant: "outline", size: "xs" })}>
              Reset filters
            </Link>
          </div>
        )}
      </TableTransitionProvider>
    </div>
  );
}
