import { apiRoute } from "@/lib/http/route";
import { listOrganizations } from "@/lib/modules/organization/queries";
import { requireOrganizations } from "@/lib/modules/organization/require";
import { parseOrganizationParams } from "@/lib/modules/organization/search-params";
import { toApiOrganization } from "@/lib/modules/organization/serialize";

// GET ?q=<name or slug, substring>&limit=&cursor= → { data: [{ id, name, slug, createdAt, memberCount }], nextCursor }
export const GET = apiRoute("organizations.read", async ({ req, q }) => {
  requireOrganizations(q);
  const { rows, nextCursor } = await listOrganizations(q, parseOrganizationParams(new URL(req.url).searchParams));
  return { data: rows.map(toApiOrganization), nextCursor };
});
