import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getOrganization } from "@/lib/modules/organization/queries";
import { requireOrganizations } from "@/lib/modules/organization/require";
import { toApiOrganizationDetail } from "@/lib/modules/organization/serialize";

// GET → { organization, memberCount, owners, members, invitations (pending), teams (null without team tables) }
export const GET = apiRoute<{ id: string }>("organizations.read", async ({ q, params }) => {
  requireOrganizations(q);
  const detail = await getOrganization(q, params.id);
  if (!detail) throw notFound(`No organization with id ${params.id}`);
  return toApiOrganizationDetail(detail);
});
