import Link from "next/link";

/** notFound() from the wave page: wave keys belong to one scoring, which is redone every few minutes. */
export default function WaveNotFound() {
  return (
    <div className="page">
      <div className="empty-state">
        <h1>Wave not found</h1>
        <p className="muted">
          No wave has this key in the current result. Spam scores are recomputed every few minutes and a wave’s key can change with its members (or
          the wave may have been handled); open the current list of waves.
        </p>
        <Link href="/spam" className="btn btn-primary">
          Back to spam review
        </Link>
      </div>
    </div>
  );
}
