import type { AuditListItem } from "./audit-list-item";

/** What changed and from where, folded away: most rows are read by their one-line summary. */
export function AuditDetails({ item }: { item: AuditListItem }) {
  return (
    <details className="[&_summary]:cursor-pointer [&_summary]:whitespace-nowrap [&_summary]:text-primary">
      <summary>Details</summary>
      <div className="mt-2 grid min-w-[520px] grid-cols-2 gap-2.5 max-md:min-w-0 max-md:grid-cols-1">
        {item.changes.length ? (
          <table className="col-span-full text-[13px] [&_td]:px-2 [&_td]:py-1 [&_td]:align-top [&_th]:px-2 [&_th]:text-left [&_th]:font-medium [&_th]:text-muted-foreground">
            <thead>
              <tr>
                <th>Changed</th>
                <th>Before</th>
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {item.changes.map((c) => (
                <tr key={c.field}>
                  <td>{c.field}</td>
                  <td className="font-mono text-xs wrap-anywhere text-danger-fg">{c.before}</td>
                  <td className="font-mono text-xs wrap-anywhere">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div>
          <p className="text-xs font-semibold tracking-[0.06em] text-muted-foreground uppercase">Before</p>
          <pre className="mt-1 max-h-[280px] overflow-auto rounded-md bg-muted px-2.5 py-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere">{item.before ?? "—"}</pre>
        </div>
        <div>
          <p className="text-xs font-semibold tracking-[0.06em] text-muted-foreground uppercase">After</p>
          <pre className="mt-1 max-h-[280px] overflow-auto rounded-md bg-muted px-2.5 py-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere">{item.after ?? "—"}</pre>
        </div>
        <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 [&_dd]:m-0 [&_dd]:min-w-0 [&_dd]:wrap-anywhere [&_dt]:text-[13px] [&_dt]:text-muted-foreground col-span-full">
          <dt>IP address</dt>
          <dd>{item.ip ? <code>{item.ip}</code> : <span className="text-muted-foreground">—</span>}</dd>
          <dt>User agent</dt>
          <dd>{item.userAgent ?? <span className="text-muted-foreground">—</span>}</dd>
          <dt>Record id</dt>
          <dd>
            <code>{item.id}</code>
          </dd>
        </dl>
      </div>
    </details>
  );
}
