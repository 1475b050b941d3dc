import "server-only";
import type { Staff } from "../auth/staff";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { getSessionStore } from "../sessions/store-config";
import type { ActionDeps, RequestInfo } from "./runner";

/** Who asked and from where, for the audit record. The first X-Forwarded-For hop is the client. */
export function requestInfo(h: Headers): RequestInfo {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

/** Everything executeAction needs in the running dashboard. */
export async function actionDeps(staff: Staff, h: Headers): Promise<ActionDeps> {
  const config = getConfig();
  return {
    d: await getDatabase(),
    staff,
    request: requestInfo(h),
    store: getSessionStore(),
    settings: { preserveSessions: config.preserveSessions, staffRoleMap: config.staffRoleMap },
  };
}
