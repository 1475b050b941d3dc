import Link from "next/link";
import type { Thresholds } from "@/lib/spam/types";

/** A link in a row of choices, the current one marked with aria-current. */
export const pillClass =
  "inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-full border border-input bg-card px-2.5 text-[13px] text-foreground hover:bg-muted hover:no-underline aria-[current=page]:border-primary/50 aria-[current=page]:bg-accent aria-[current=page]:text-primary aria-pressed:border-primary/50 aria-pressed:bg-accent aria-pressed:text-primary";

/**
 * The queue's level: everything worth a look, or only likely spam. Plain links (server-rendered
 * views, shareable); a changed level starts on the first page since a cursor belongs to one level.
 */
export function BandLinks({ thresholds, minScore, since }: { thresholds: Thresholds; minScore: number; since?: string }) {
  // the scored window stays as it is; the level starts again on the first page
  const href = (min?: number) => {
    const next = new URLSearchParams({ ...(since ? { since } : {}), ...(min === undefined ? {} : { minScore: String(min) }) });
    return next.size ? `/spam?${next.toString()}` : "/spam";
  };
  const options = [
    { label: `Review and above (≥ ${thresholds.review})`, min: thresholds.review, href: href() },
    { label: `Likely spam (≥ ${thresholds.likely})`, min: thresholds.likely, href: href(thresholds.likely) },
  ];
  const custom = !options.some((o) => o.min === minScore);
  return (
    <nav className="m-0 mt-1 flex min-w-0 flex-wrap gap-1.5 border-0 p-0" aria-label="Score level">
      {options.map((o) => (
        <Link key={o.min} href={o.href} className={pillClass} aria-current={o.min === minScore ? "page" : undefined}>
          {o.label}
        </Link>
      ))}
      {custom ? (
        <span className={pillClass} aria-current="page">
          Score ≥ {minScore}
        </span>
      ) : null}
    </nav>
  );
}
