/**
 * Shown instead of "Not spam" buttons when the audit table is missing: the decision is stored only as
 * an audit record (the dashboard has no table of its own), so the action would be refused.
 */
export function AuditMissingNote() {
  return (
    <p className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 border-warning-fg/30 border-l-warning-fg bg-warning-bg" data-testid="audit-missing">
      <span>
        <strong>“Not spam” cannot be remembered without the audit table.</strong> Install it with <code>npm run audit:install</code> and restart
        the dashboard to mark accounts as not spam.
      </span>
    </p>
  );
}
