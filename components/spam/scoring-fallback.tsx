import type { ReactNode } from "react";

/**
 * Shown while the spam score is computed (seconds on a big database; later views read the cache).
 * `header` keeps the page's title in place so nothing jumps when the result arrives.
 */
export function ScoringFallback({ header, rows = 6 }: { header?: ReactNode; rows?: number }) {
  return (
    <div className="stack" aria-busy="true">
      {header}
      <p className="muted" role="status">
        Scoring recent sign-ups…
      </p>
      <div className="skeleton skeleton-panel" />
      <div className="skeleton-table">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity but their place
          <div key={i} className="skeleton skeleton-row" />
        ))}
      </div>
    </div>
  );
}

/** The fallback inside a panel (the user page), where a full skeleton would be out of proportion. */
export function ScoringPanelFallback({ title }: { title: string }) {
  return (
    <section className="panel" aria-busy="true">
      <h2>{title}</h2>
      <p className="muted" role="status">
        Scoring recent sign-ups…
      </p>
    </section>
  );
}
