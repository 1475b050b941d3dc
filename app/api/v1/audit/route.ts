import { listAudit, parseAuditParams } from "@/lib/audit/queries";
import { apiRoute } from "@/lib/http/route";

// GET ?actor=<id|email>&target=<id>&action=<name or prefix>&limit=&cursor= (admin)
export const GET = apiRoute("audit.read", async ({ req, q }) => {
  const { rows, nextCursor } = await listAudit(q, parseAuditParams(new URL(req.url).searchParams));
  return { data: rows.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor };
});
