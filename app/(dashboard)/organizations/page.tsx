import { headers } from "next/headers";
import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TableTransitionProvider } from "@/components/data-table/table-transition";
import { OrganizationsTable } from "@/components/organizations/organizations-table";
import { OrganizationsToolbar } from "@/components/organizations/organizations-toolbar";
import { toOrganizationListItem } from "@/components/organizations/organization-list-item";
import { requireStaff } from "@/lib/auth/staff";
import type { Q } from "@/lib/db/context";
import { getReadDatabase } from "@/lib/db";
import { organizationsOn } from "@/lib/modules/organization/require";
import { AppError, isStatementTimeout } from "@/lib/errors";
import { listOrganizations } from "@/lib/modules/organization/queries";
import { organizationListSchema, parseOrganizationParams } from "@/lib/modules/organization/search-params";

export const metadata = { title: "Organizations · Better Auth Admin" };

type SearchParams = Record<string, string | string[] | undefined>;

/** A bad URL or a slow query becomes a message, never a 500. */
async function load(q: Q, raw: SearchParams) {
  try {
    const params = parseOrganizationParams(raw, { ignoreUnknown: true });
    return { kind: "ok", params, ...(await listOrganizations(q, params)) } as const;
  } catch (err) {
    if (err instanceof AppError && err.code === "invalid_request") return { kind: "invalid", message: err.message } as const;
    if (isStatementTimeout(err)) return { kind: "timeout" } as const;
    throw err;
  }
}

/** Better Auth's organizations: search by name or slug, member count, created date. */
export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("organizations.read");
  const [raw, d] = await Promise.all([searchParams, getReadDatabase(await headers())]);
  if (!organizationsOn(d)) notFound();
  const now = new Date();
  const result = await load(d, raw);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Organizations</h1>
        <span className="count tabular-nums text-muted-foreground">Newest first</span>
      </header>
      <TableTransitionProvider>
        <OrganizationsToolbar />
        {result.kind === "ok" ? (
          <OrganizationsTable
            rows={result.rows.map((r) => toOrganizationListItem(r, now))}
            nextCursor={result.nextCursor}
            searched={Boolean(result.params.q)}
            defaultPageSize={organizationListSchema.parse({}).limit}
          />
        ) : (
          <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
            <p>{result.kind === "invalid" ? <><strong>This view cannot be shown:</strong> {result.message}</> : <strong>The query took too long.</strong>}</p>
            <Link href="/organizations" className={buttonVariants({ variant: "outline", size: "xs" })}>
              Reset search
            </Link>
          </div>
        )}
      </TableTransitionProvider>
    </div>
  );
}
