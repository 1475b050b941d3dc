/** Shown on first arrival at /users; later URL changes keep the current rows (dimmed) instead. */
export default function UsersLoading() {
  return (
    <div className="flex min-w-0 flex-col gap-4" aria-busy="true">
      <header className="page-header flex flex-wrap items-baseline gap-3">
        <h1>Users</h1>
        <span className="count tabular-nums text-muted-foreground">Loading…</span>
      </header>
      <div className="animate-pulse rounded-md bg-muted motion-reduce:animate-none h-[104px]" />
      <div className="flex flex-col gap-1.5 rounded-md border bg-card p-3" role="status" aria-label="Loading users">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity but their place
          <div key={i} className="animate-pulse rounded-md bg-muted motion-reduce:animate-none h-9" />
        ))}
      </div>
    </div>
  );
}
