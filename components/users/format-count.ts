import type { UserCount } from "@/lib/users/count";
import { formatCompact, formatInteger } from "../ui/format";

/**
 * How sure the count is shows in its wording: "≈1.0M users" (planner estimate), "10,000+ users"
 * (capped exact count), "123 users" (exact), "many users" (the count timed out).
 */
export function formatUserCount(count: UserCount): string {
  switch (count.kind) {
    case "estimate":
      return `≈${formatCompact(count.value)} users`;
    case "atLeast":
      return `${formatInteger(count.value)}+ users`;
    case "exact":
      return `${formatInteger(count.value)} ${count.value === 1 ? "user" : "users"}`;
    case "unknown":
      return "many users";
  }
}
