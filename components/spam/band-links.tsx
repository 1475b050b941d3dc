import Link from "next/link";
import type { Thresholds } from "@/lib/spam/types";

/**
 * The queue's level: everything worth a look, or only likely spam. Plain links (server-rendered
 * views, shareable); a changed level starts on the first page since a cursor belongs to one level.
 */
export function BandLinks({ thresholds, minScore }: { thresholds: Thresholds; minScore: number }) {
  const options = [
    { label: `Review and above (≥ ${thresholds.review})`, min: thresholds.review, href: "/spam" },
    { label: `Likely spam (≥ ${thresholds.likely})`, min: thresholds.likely, href: `/spam?minScore=${thresholds.likely}` },
  ];
  const custom = !options.some((o) => o.min === minScore);
  return (
    <nav className="chips" aria-label="Score level">
      {options.map((o) => (
        <Link key={o.min} href={o.href} className="chip" aria-current={o.min === minScore ? "page" : undefined}>
          {o.label}
        </Link>
      ))}
      {custom ? (
        <span className="chip" aria-current="page">
          Score ≥ {minScore}
        </span>
      ) : null}
    </nav>
  );
}
