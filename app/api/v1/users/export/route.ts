import { csvRoute } from "@/lib/http/csv-route";
import { USER_EXPORT_HEADER, userExportRows } from "@/lib/users/export";
import { parseUserExportParams } from "@/lib/users/list-params";

// GET ?<the users list's filters and sort> (no limit/cursor) → text/csv, streamed
export const GET = csvRoute("users.read", ({ q, search }) => ({
  name: "users",
  header: USER_EXPORT_HEADER,
  pages: userExportRows(q, parseUserExportParams(search)),
}));
