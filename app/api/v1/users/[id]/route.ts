import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { getUserDetail } from "@/lib/users/detail";
import { toApiAccount, toApiSession, toApiUser } from "@/lib/users/serialize";

export const GET = apiRoute<{ id: string }>("users.read", async ({ q, params }) => {
  const now = new Date();
  const detail = await getUserDetail(q, params.id, now);
  if (!detail) throw notFound(`No user with id ${params.id}`);
  return {
    user: toApiUser(detail.user, now),
    accounts: detail.accounts.map(toApiAccount),
    sessions: detail.sessions.map(toApiSession),
  };
});
