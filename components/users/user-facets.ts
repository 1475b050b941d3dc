import type { FacetDefinition } from "../data-table/facet";
import type { UserFilterKey } from "@/lib/users/search-params";

/**
 * The core's faceted filters on the users list, as data; the modules add theirs (`ui.listFilters`,
 * passed by the page). Role and sign-in method take any value (apps define their own) and suggest
 * the common ones.
 */
export function userFacets(): FacetDefinition<UserFilterKey>[] {
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
      key: "provider",
      title: "Sign-in method",
      allowCustom: true,
      options: [
        { value: "credential", label: "Email + password" },
        { value: "google", label: "Google" },
        { value: "github", label: "GitHub" },
        { value: "apple", label: "Apple" },
        { value: "discord", label: "Discord" },
      ],
    },
  ];
}
