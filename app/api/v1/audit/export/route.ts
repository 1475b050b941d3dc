import { auditExportRows, AUDIT_EXPORT_HEADER } from "@/lib/audit/export";
import { parseAuditExportParams } from "@/lib/audit/search-params";
import { csvRoute } from "@/lib/http/csv-route";
import { EXPORT_PAGE } from "@/lib/params";

// GET ?<the audit log's filters> (no limit/cursor) → text/csv, streamed (admin)
export const GET = csvRoute("audit.read", ({ q, search }) => ({
  name: "audit",
  header: AUDIT_EXPORT_HEADER,
  pages: auditExportRows(q, parseAuditExportParams(search, EXPORT_PAGE)),
}));
