/** Shown on first arrival at /sessions; later URL changes keep the current rows (dimmed) instead. */
export default function SessionsLoading() {
  return (
    <div className="page" aria-busy="true">
      <header className="page-header">
        <h1>Sessions</h1>
        <span className="count muted">Loading…</span>
      </header>
      <div className="skeleton skeleton-toolbar" />
      <div className="skeleton-table" role="status" aria-label="Loading sessions">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity but their place
          <div key={i} className="skeleton skeleton-row" />
        ))}
      </div>
    </div>
  );
}
