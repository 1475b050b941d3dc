"use server";
import { previews } from "../../../actions/previews";
import { guarded } from "../../../actions/safe-action";
import { getDatabase } from "../../../db";

/** What "revoke everyone" would end, with its scope token. Read-only: no audit, no fresh-read cookie. */
export async function previewRevokeAllAction() {
  return guarded(previews.revokeAll.permission, async (staff) => previews.revokeAll.run(await getDatabase(), staff));
}
