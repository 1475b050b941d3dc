import type { Q } from "../../../db/context";
import { listUserMemberships } from "../queries";
import { toApiMembership } from "../serialize";

/** `memberships` in GET /api/v1/users/:id: the user's organizations and roles (oldest first, at most 100). */
export default async function membershipsForApi(q: Q, userId: string) {
  return (await listUserMemberships(q, userId)).map(toApiMembership);
}
