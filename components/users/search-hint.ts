import type { Q } from "@/lib/db/context";
import { modules } from "@/lib/modules";
import { searchFields } from "@/lib/users/filters";

/**
 * The search box's placeholder lists what it actually matches: name, email and id always, plus the
 * fields of enabled modules (searchFields), named by their profile labels.
 */
export function searchPlaceholder(caps: Q["caps"]): string {
  const labels = new Map(modules.flatMap((m) => m.profileFields ?? []).map((p) => [p.field, p.label.toLowerCase()]));
  const extra = searchFields(caps).map((f) => labels.get(f) ?? f);
  return `Name, email, ${extra.map((e) => `${e}, `).join("")}or user id`;
}
