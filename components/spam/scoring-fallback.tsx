import type { ReactNode } from "react";
import { panelClass } from "@/components/ui/panel";

/**
 * Shown while the spam score is computed (seconds on a big database; later views read the cache).
 * `header` keeps the page's title in place so nothing jumps when the result arrives.
 */
export function ScoringFallback({ header, rows = 6 }: { header?: ReactNode; rows?: number }) {
  return (
    <div className="flex flex-col gap-3.5" aria-busy="true">
      {header}
      <p className="text-muted-foreground" role="status">
        Scoring recent sign-ups…
      </p>
      <div className="animate-pulse rounded-md bg-muted motion-reduce:animate-none h-40" />
      <div className="flex flex-col gap-1.5 rounded-md border bg-card p-3">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity but their place
          <div key={i} className="animate-pulse rounded-md bg-muted motion-reduce:animate-none h-9" />
        ))}
      </div>
    </div>
  );
}

/** The fallback inside a panel (the user page), where a full skeleton would be out of proportion. */
export function ScoringPanelFallback({ title }: { title: string }) {
  return (
    <section className={panelClass} aria-busy="true">
      <h2>{title}</h2>
      <p className="text-muted-foreground" role="status">
        Scoring recent sign-ups…
      </p>
    </section>
  );
}
