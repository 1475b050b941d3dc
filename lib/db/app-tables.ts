/**
 * The one table the dashboard may add to the app's database (`npm run audit:install`). Its name is
 * fixed so detection needs no configuration. Here, below every layer that names it (start-up
 * introspection, the audit writer and queries, spam clearances).
 */
export const AUDIT_TABLE = "dashboard_audit_log";
