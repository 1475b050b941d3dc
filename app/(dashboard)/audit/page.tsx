import { buttonVariants } from "@/components/ui/button";
import { headers } from "next/headers";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditToolbar } from "@/components/audit/audit-toolbar";
import { auditFilterOptions } from "@/lib/modules";
import { ExportButton } from "@/components/data-table/export-button";
import { toAuditListItem } from "@/components/audit/audit-list-item";
import { TableTransitionProvider } from "@/components/data-table/table-transition";
import { auditListSchema, listAudit, parseAuditParams, userEmails } from "@/lib/audit/queries";
import { auditExportSchema } from "@/lib/audit/search-params";
import { requireStaff } from "@/lib/auth/staff";
import type { Q } from "@/lib/db/context";
import { getReadDatabase } from "@/lib/db";
import { AppError, isStatementTimeout } from "@/lib/errors";

export const metadata = { title: "Audit log · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/** A missing table (conflict), a bad URL or a slow query each become a message, never a 500. */
async function loadAudit(q: Q, raw: SearchParams) {
  try {
    const params = parseAuditParams(raw, { ignoreUnknown: true });
    const page = await listAudit(q, params);
    // Targets by email (the id on hover): one look-up for the ids the page shows.
    const emails = await userEmails(q, page.rows.filter((r) => r.targetType === "user").flatMap((r) => r.targetIds.slice(0, 3)));
    return { kind: "ok", params, emails, ...page } as const;
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return { kind: "missing" } as const;
    if (err instanceof AppError && err.code === "invalid_request") return { kind: "invalid", message: err.message } as const;
    if (isStatementTimeout(err)) return { kind: "timeout" } as const;
    throw err;
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("audit.read");
  const [raw, d] = await Promise.all([searchParams, getReadDatabase(await headers())]);
  const now = new Date();
  const result = d.caps.audit ? await loadAudit(d, raw) : ({ kind: "missing" } as const);

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Audit log</h1>
        <span className="count tabular-nums text-muted-foreground">Every staff action, newest first</span>
        {d.caps.audit ? (
          <div className="ml-auto">
            <ExportButton endpoint="/api/v1/audit/export" keys={Object.keys(auditExportSchema.shape)} />
          </div>
        ) : null}
      </header>
      {result.kind === "missing" ? (
        <div className="flex flex-col items-start gap-2.5 rounded-md border bg-card p-8">
          <h2>The audit table is not installed</h2>
          <p>
            Staff actions are still recorded: each one is written to the dashboard’s standard output as a JSON line (<code>{'{"type":"audit",…}'}</code>
            ), for your log pipeline.
          </p>
          <p>
            To keep them in the database and browse them here, run <code>npm run audit:install</code> with the dashboard’s <code>DATABASE_URL</code>, then
            restart the dashboard. It creates one table, <code>dashboard_audit_log</code>, next to Better Auth’s.
          </p>
        </div>
      ) : (
        <TableTransitionProvider>
          <AuditToolbar moduleActions={auditFilterOptions} />
          {result.kind === "ok" ? (
            <AuditTable
              rows={result.rows.map((r) => toAuditListItem(r, now, result.emails))}
              nextCursor={result.nextCursor}
              filtered={Boolean(result.params.actor || result.params.target || result.params.action || result.params.after || result.params.before)}
              defaultPageSize={auditListSchema.parse({}).limit}
            />
          ) : (
            <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
              <p>
                {result.kind === "invalid" ? <><strong>This view cannot be shown:</strong> {result.message}</> : <strong>The query took too long.</strong>}
              </p>
              <Link href="/audit" className={buttonVariants({ variant: "outline", size: "xs" })}>
                Reset filters
              </Link>
            </div>
          )}
        </TableTransitionProvider>
      )}
    </div>
  );
}
