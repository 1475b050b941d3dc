"use client";
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
      <div className="page">
        <div role="alert" className="alert alert-error error-panel">
          <h1>Database unavailable</h1>
          <p>The dashboard cannot reach the database right now (no connection, or it did not answer in time). Nothing was changed.</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => retry()}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="page">
      <div role="alert" className="alert alert-error error-panel">
        <h1>This page failed to load</h1>
        <p>{message || "Unknown error."}</p>
        {digest ? (
          <p className="muted">
            Reference <code>{digest}</code> (search the server log for it).
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/users" className="btn">
            Go to users
          </Link>
        </div>
      </div>
    </div>
  );
}
