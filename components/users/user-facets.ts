import type { FacetDefinition } from "../data-table/facet";
import type { UserFilterKey } from "@/lib/users/search-params";

/**
 * The users list's faceted filters, as data: a plugin module can append its own (its key must be in
 * lib/users/search-params.ts). Role and sign-in method take any value (apps define their own) and
 * suggest the common ones; status exists only where the admin plugin's ban columns do.
 */
export function userFacets({ bansTracked }: { bansTracked: boolean }): FacetDefinition<UserFilterKey>[] {
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
    ...(bansTracked
      ? [
          {
            key: "status",
            title: "Status",
            options: [
              { value: "active", label: "Active" },
              { value: "banned", label: "Banned" },
              { value: "expired", label: "Ban expired" },
            ],
          } satisfies FacetDefinition<UserFilterKey>,
        ]
      : []),
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
