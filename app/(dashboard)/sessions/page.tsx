import { buttonVariants } from "@/components/ui/button";
import { headers } from "next/headers";
import Link from "next/link";
import { TableTransitionProvider } from "@/components/data-table/table-transition";
import { revokeNotes } from "@/components/moderation/revoke-notes";
import { RevokeEveryone } from "@/components/sessions/revoke-everyone";
import { RevokeMatching } from "@/components/sessions/revoke-matching";
import { toSessionListItem } from "@/components/sessions/session-list-item";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { SessionsToolbar } from "@/components/sessions/sessions-toolbar";
import { ExportButton } from "@/components/data-table/export-button";
import { type SessionFilterKey, sessionFilterKeys } from "@/components/sessions/filter-keys";
import { sessionColumns, sessionFilters } from "@/lib/modules";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getConfig } from "@/lib/config";
import type { Q } from "@/lib/db/context";
import { getReadDatabase } from "@/lib/db";
import { has } from "@/lib/db/introspect";
import { AppError, isStatementTimeout } from "@/lib/errors";
import { listSessions } from "@/lib/sessions/list";
import { hasSessionFilters, parseSessionListParams, sessionFilterSchema, sessionListSchema } from "@/lib/sessions/search-params";
import { toRecord } from "@/lib/params";

export const metadata = { title: "Sessions · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Parse the URL and load one page; a bad filter (an unreadable IP) or a slow query is a message. */
async function loadSessions(q: Q, raw: SearchParams, now: Date) {
  try {
    const params = parseSessionListParams(raw, { ignoreUnknown: true });
    return { kind: "ok", params, ...(await listSessions(q, params, now)) } as const;
  } catch (err) {
    if (err instanceof AppError && err.code === "invalid_request") return { kind: "invalid", message: err.message } as const;
    if (isStatementTimeout(err)) return { kind: "timeout" } as const;
    throw err;
  }
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("sessions.read");
  const [raw, d] = await Promise.all([searchParams, getReadDatabase(await headers())]);
  const now = new Date();
  const result = await loadSessions(d, raw, now);
  const notes = revokeNotes(getConfig());
  // the modules' session columns and filters, while their column exists
  const moduleColumns = sessionColumns(d.caps.modules).filter((c) => has(d.caps, "session", c.field));
  const moduleFacets = sessionFilters
    .filter((f) => has(d.caps, "session", f.field))
    .map((f) => ({ key: f.key as SessionFilterKey, title: f.title, options: [...f.options] }));
  const record = toRecord(raw);
  // "Revoke all matching" acts on the URL's filters as typed, the same strings the table was built from.
  const filter = Object.fromEntries(sessionFilterKeys.flatMap((k) => (record[k] ? [[k, record[k]]] : [])));
  const filtered = result.kind === "ok" && hasSessionFilters(result.params);

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Sessions</h1>
        <span className="count tabular-nums text-muted-foreground">Live sessions, newest first</span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {filtered && can(staff.role, "sessions.revokeFilter") ? <RevokeMatching filter={filter} notes={notes} isAdmin={staff.role === "admin"} /> : null}
          {can(staff.role, "sessions.revokeAll") ? <RevokeEveryone notes={notes} /> : null}
          <ExportButton endpoint="/api/v1/sessions/export" keys={Object.keys(sessionFilterSchema.shape)} />
        </div>
      </header>
      <TableTransitionProvider>
        <SessionsToolbar moduleFacets={moduleFacets} />
        {result.kind === "ok" ? (
          <SessionsTable
            rows={result.rows.map((s) => toSessionListItem(s, now, moduleColumns))}
            nextCursor={result.nextCursor}
            filtered={filtered}
            moduleColumns={moduleColumns.map(({ id, header }) => ({ id, header }))}
            revoke={can(staff.role, "sessions.revokeUser") ? notes : null}
            defaultPageSize={sessionListSchema.parse({}).limit}
          />
        ) : (
          <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
            <p>
              {result.kind === "invalid" ? (
                <>
                  <strong>This view cannot be shown:</strong> {result.message}
                </>
              ) : (
                <>
                  <strong>The query took too long.</strong> A wide IP range or user-agent search scans many sessions; narrow the filter.
                </>
              )}
            </p>
            <Link href="/sessions" className={buttonVariants({ variant: "outline", size: "xs" })}>
              Reset filters
            </Link>
          </div>
        )}
      </TableTransitionProvider>
    </div>
  );
}
