import { headers } from "next/headers";
import { after } from "next/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignupsChart } from "@/components/overview/signups-chart";
import { OVERVIEW_PERMISSION } from "@/lib/auth/landing";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { describeAction } from "@/lib/audit/describe";
import { getReadDatabase } from "@/lib/db";
import { figuresAge } from "@/lib/overview/age";
import { cachedOverview, OVERVIEW_FIRST_WAIT_MS } from "@/lib/overview/cache";
import { readRecentActions, SIGNUP_DAYS } from "@/lib/overview/figures";
import { peekSpamResult } from "@/lib/spam/cache";

export const metadata = { title: "Overview · Better Auth Admin" };

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const n = (v: number) => v.toLocaleString("en");

function Figure({ label, value, href, note }: { label: string; value: ReactNode; href: string | null; note?: string }) {
  const body = (
    <>
      <span className="text-[13px] text-muted-foreground">{label}</span>
      <span className="text-2xl font-semibold tabular-nums">{value}</span>
      {note ? <span className="text-xs text-muted-foreground">{note}</span> : null}
    </>
  );
  return href ? (
    <Link href={href} className="flex flex-col gap-1 rounded-md border bg-card p-4 text-foreground shadow-xs hover:bg-accent hover:no-underline">
      {body}
    </Link>
  ) : (
    <div className="flex flex-col gap-1 rounded-md border bg-card p-4 shadow-xs">{body}</div>
  );
}

/** The staff landing page: how the user base moves, each figure a link to the list behind it. */
export default async function OverviewPage() {
  const staff = await requireStaff(OVERVIEW_PERMISSION);
  const d = await getReadDatabase(await headers());
  const [{ figures, refreshing, failed }, recent] = await Promise.all([cachedOverview(d, { schedule: after }), can(staff.role, "audit.read") ? readRecentActions(d) : null]);
  if (!figures) {
    return (
      <div className="flex min-w-0 flex-col gap-4">
        <header className="page-header flex flex-wrap items-baseline gap-3">
          <h1>Overview</h1>
        </header>
        <p role="alert" className="rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg" data-testid="overview-unavailable">
          <strong>Database unavailable.</strong> This server has not read the figures yet, and the read {failed ? "failed" : `did not answer within ${OVERVIEW_FIRST_WAIT_MS / 1000} s`}. It
          is tried again; reload in a moment.
        </p>
      </div>
    );
  }
  const age = figuresAge(figures.at, new Date(), { refreshing, failed });
  const now = figures.at.getTime();
  const spam = can(staff.role, "spam.review") ? peekSpamResult(d) : null;
  const total = figures.signups.reduce((s, x) => s + x.count, 0);

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Overview</h1>
        <time dateTime={age.dateTime} title={age.title} className={age.warn ? "text-warning-fg text-[13px]" : "text-muted-foreground text-[13px]"} data-testid="overview-age">
          {age.text}
        </time>
      </header>
      <section className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" aria-label="Figures">
        <Figure label={`Sign-ups, ${SIGNUP_DAYS} days`} value={n(total)} href={`/users?createdAfter=${figures.signups[0]?.day ?? day(now - SIGNUP_DAYS * DAY)}`} />
        {figures.active ? (
          <>
            <Figure label="Active today" value={n(figures.active.d1)} href={`/users?activeSince=${new Date(now - DAY).toISOString()}&sort=-lastActiveAt`} note="last 24 hours" />
            <Figure label="Active, 7 days" value={n(figures.active.d7)} href={`/users?activeSince=${day(now - 7 * DAY)}&sort=-lastActiveAt`} />
            <Figure label="Active, 30 days" value={n(figures.active.d30)} href={`/users?activeSince=${day(now - 30 * DAY)}&sort=-lastActiveAt`} />
          </>
        ) : (
          <Figure label="Active users" value="—" href={null} note="sessions are kept only in Redis" />
        )}
        {Object.values(figures.modules)
          .flat()
          .map((f) => (
            <Figure key={f.id} label={f.label} value={n(f.value)} href={f.href} />
          ))}
        {can(staff.role, "spam.review") ? (
          spam ? (
            <Figure label="Flagged as spam" value={n(spam.result.stats.flagged)} href="/users?flagged=review" note={`scored ${Math.round(spam.ageMs / 60_000)} min ago`} />
          ) : (
            <Figure label="Flagged as spam" value="—" href="/spam" note="not computed yet: open Spam to score" />
          )
        ) : null}
      </section>
      <section className="rounded-md border bg-card p-4 shadow-xs" aria-labelledby="signups-title">
        <h2 id="signups-title" className="mb-2 text-base">
          Sign-ups per day
        </h2>
        <SignupsChart days={figures.signups} />
      </section>
      {recent ? (
        <section className="rounded-md border bg-card p-4 shadow-xs" aria-labelledby="recent-title">
          <div className="mb-2 flex items-baseline justify-between">
            <h2 id="recent-title" className="text-base">
              Recent staff actions
            </h2>
            <Link href="/audit" className="text-[13px]">
              The audit log
            </Link>
          </div>
          {recent.length ? (
            <ul className="flex flex-col gap-1.5 text-[13px]">
              {recent.map((r) => (
                <li key={r.id}>
                  <span className="text-muted-foreground tabular-nums">{r.at.toISOString().slice(0, 16).replace("T", " ")}</span>{" "}
                  <Link href={`/audit?actor=${encodeURIComponent(r.actorEmail)}`} title={`id ${r.actorId}`}>
                    {r.actorEmail}
                  </Link>{" "}
                  <span title={r.action}>{describeAction(r.action, r.targetCount, r.targetType)}</span>
                  {r.reason ? <span className="text-muted-foreground"> — {r.reason}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted-foreground text-[13px]">No staff action yet.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
