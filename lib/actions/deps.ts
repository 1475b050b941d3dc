import "server-only";
import type { Staff } from "../auth/staff";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { resolveClientIp } from "../http/client-ip";
import { getSessionStore } from "../sessions/store-config";
import type { ActionDeps, RequestInfo } from "./runner";

/**
 * Who asked and from where, for the audit record. The address comes from lib/http/client-ip.ts
 * (TRUSTED_PROXY_HOPS), never from a header the client may simply write.
 */
export function requestInfo(h: Headers, trustedProxyHops = getConfig().trustedProxyHops): RequestInfo {
  return { ip: resolveClientIp(h, { trustedProxyHops }), userAgent: h.get("user-agent") };
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
    appAuth: config.appAuth,
  };
}
