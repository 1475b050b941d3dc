import { apiRoute } from "@/lib/http/route";
import { listUsers } from "@/lib/users/queries";
import { parseUserListParams } from "@/lib/users/list-params";
import { toApiUser } from "@/lib/users/serialize";

export const GET = apiRoute("users.read", async ({ req, q }) => {
  const params = parseUserListParams(new URL(req.url).searchParams);
  const now = new Date();
  const { rows, nextCursor } = await listUsers(q, params, now);
  return { data: rows.map((r) => toApiUser(r, now)), nextCursor };
});
