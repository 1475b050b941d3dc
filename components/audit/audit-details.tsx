import type { AuditListItem } from "./audit-list-item";

/** What changed and from where, folded away: most rows are read by their one-line summary. */
export function AuditDetails({ item }: { item: AuditListItem }) {
  return (
    <details className="audit-details">
      <summary>Details</summary>
      <div className="audit-details-body">
        <div>
          <p className="eyebrow">Before</p>
          <pre className="json">{item.before ?? "—"}</pre>
        </div>
        <div>
          <p className="eyebrow">After</p>
          <pre className="json">{item.after ?? "—"}</pre>
        </div>
        <dl className="props audit-request">
          <dt>IP address</dt>
          <dd>{item.ip ? <code>{item.ip}</code> : <span className="muted">—</span>}</dd>
          <dt>User agent</dt>
          <dd>{item.userAgent ?? <span className="muted">—</span>}</dd>
          <dt>Record id</dt>
          <dd>
            <code>{item.id}</code>
          </dd>
        </dl>
      </div>
    </details>
  );
}
