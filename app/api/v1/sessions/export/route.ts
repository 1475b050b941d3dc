import { csvRoute } from "@/lib/http/csv-route";
import { SESSION_EXPORT_HEADER, sessionExportRows } from "@/lib/sessions/export";
import { parseSessionExportParams } from "@/lib/sessions/search-params";
import { EXPORT_PAGE } from "@/lib/params";

// GET ?<the sessions list's filters> (no limit/cursor) → text/csv, streamed
export const GET = csvRoute("sessions.read", ({ q, search }) => ({
  name: "sessions",
  header: SESSION_EXPORT_HEADER,
  pages: sessionExportRows(q, parseSessionExportParams(search, EXPORT_PAGE)),
}));
