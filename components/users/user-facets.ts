import type { FacetDefinition } from "../data-table/facet";
import type { UserFilterKey } from "@/lib/users/search-params";
import { SIGN_IN_METHODS } from "@/lib/users/sign-in-methods";

/**
 * The core's faceted filters on the users list, as data; the modules add theirs (`ui.listFilters`,
 * passed by the page). Role and sign-in method take any value (apps define their own) and suggest
 * the common ones, the sign-in method also the modules' (`signInOptions`, passed by the page).
 */
export function userFacets(signInOptions: readonly { value: string; label: string }[] = []): FacetDefinition<UserFilterKey>[] {
  return [
    {
      key: "role",
      title: "Role",
      allowCustom: true,
      options: [
        { value: "user", label: "User" },
        { value: "admin", label: "Admin" },
        { value: "moderator", label: "Moderator" },
        { value: "support", label: "Support" },
      ],
    },
    {
      key: "verified",
      title: "Email",
      options: [
        { value: "true", label: "Verified" },
        { value: "false", label: "Unverified" },
      ],
    },
    {
      // Dormant accounts: no activity since a date (never-active users included). The values are
      // dates (the URL stays a plain, shareable date); any YYYY-MM-DD may be typed.
      key: "lastActiveBefore",
      title: "Inactive since",
      allowCustom: true,
      options: [30, 90, 365].map((days) => ({ value: daysAgo(days), label: days === 365 ? "Over a year" : `Over ${days} days` })),
    },
    {
      key: "neverActive",
      title: "Activity",
      options: [
        { value: "true", label: "Never signed in" },
        { value: "false", label: "Signed in at least once" },
      ],
    },
    {
      key: "provider",
      title: "Sign-in method",
      allowCustom: true,
      // The server accepts these labels too (lib/users/sign-in-methods.ts): a link saying "GitHub" works.
      options: [...SIGN_IN_METHODS, ...signInOptions],
    },
  ];
}

/** The UTC date `days` ago, as the URL carries it (the day, not the instant: stable within a day). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
