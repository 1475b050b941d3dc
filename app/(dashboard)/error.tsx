"use client";
import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import { useEffect } from "react";
import { UNAVAILABLE_DIGEST } from "@/lib/errors";

/**
 * A page that failed says so: the message (production builds replace server messages with a
 * generic one plus a digest that matches the server log) and a retry. Never an empty table.
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const message = error instanceof Error ? error.message : String(error);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  // The staff check marks a dead database (lib/auth/staff.ts): not a crash, and retrying is the fix.
  if (digest === UNAVAILABLE_DIGEST) {
    return (
      <div className="flex min-w-0 flex-col gap-4">
        <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg [&_h1]:text-[17px]">
          <h1>Database unavailable</h1>
          <p>The dashboard cannot reach the database right now (no connection, or it did not answer in time). Nothing was changed.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonVariants({ variant: "default", size: "sm" })} onClick={() => retry()}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg [&_h1]:text-[17px]">
        <h1>This page failed to load</h1>
        <p>{message || "Unknown error."}</p>
        {digest ? (
          <p className="text-muted-foreground">
            Reference <code>{digest}</code> (search the server log for it).
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" className={buttonVariants({ variant: "default", size: "sm" })} onClick={() => retry()}>
            Try again
          </button>
          <Link href="/users" className={buttonVariants({ variant: "outline", size: "sm" })}>
            Go to users
          </Link>
        </div>
      </div>
    </div>
  );
}
