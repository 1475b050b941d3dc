import { apiRoute } from "@/lib/http/route";
import { sessionFieldsOf } from "@/lib/modules";
import { listSessions } from "@/lib/sessions/list";
import { parseSessionListParams } from "@/lib/sessions/search-params";

// GET ?user=&ip=(address|CIDR)&userAgent=&createdAfter=&createdBefore=&impersonated=&limit=&cursor=
export const GET = apiRoute("sessions.read", async ({ req, q }) => {
  const { rows, nextCursor } = await listSessions(q, parseSessionListParams(new URL(req.url).searchParams));
  return {
    data: rows.map((s) => ({
      id: s.id, userId: s.userId, userEmail: s.userEmail, ipAddress: s.ipAddress, userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(), expiresAt: s.expiresAt.toISOString(),
      // the modules' session fields (e.g. who impersonated), null where the column is missing
      ...sessionFieldsOf(s as unknown as Record<string, unknown>),
    })),
    nextCursor,
  };
});
